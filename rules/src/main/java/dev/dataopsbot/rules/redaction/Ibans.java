package dev.dataopsbot.rules.redaction;

import java.util.Map;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and the
 * national account number, written as one word ({@code DE89370400440532013000}) or in groups of
 * four ({@code DE89 3704 0044 0532 0130 00}). A candidate must have its country's length from
 * the IBAN registry and pass the mod-97 check, so order numbers and ids that merely start with
 * two letters and two digits stay.
 */
final class Ibans implements PersonalDataKind {

    /** IBAN length by country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    @Override
    public String id() {
        return "iban";
    }

    @Override
    public void find(String text, int rank, Redaction sink) {
        int n = text.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (!isUpper(text.charAt(i)) || !isUpper(text.charAt(i + 1)) || !isDigit(text.charAt(i + 2))
                    || !isDigit(text.charAt(i + 3)) || i > 0 && isAlnum(text.charAt(i - 1))) {
                continue;
            }
            Integer length = LENGTHS.get(text.substring(i, i + 2));
            if (length == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder(length);
            int j = i;
            while (j < n && iban.length() < length) {
                char c = text.charAt(j);
                if (isAlnum(c)) {
                    iban.append(Character.toUpperCase(c));
                    j++;
                } else if (c == ' ' && iban.length() % 4 == 0 && j + 1 < n && isAlnum(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() == length && (j == n || !isAlnum(text.charAt(j))) && mod97(iban)) {
                sink.add(new Span(i, j, id(), "[REDACTED:iban]", rank));
                i = j - 1;
            }
        }
    }

    /** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end: valid when 1. */
    static boolean mod97(CharSequence iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int value = isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
