package dev.dataopsbot.rules.redaction;

import java.util.regex.Pattern;

/** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check. */
final class CardNumbers implements PersonalDataKind {

    private static final Pattern CARD = Pattern.compile("(?<![\\d-])[3-6]\\d{3}(?:[ -]?\\d{4}){2}[ -]?\\d{1,7}(?![\\d-])");
    /** A card number starts with 3 to 6 right after something that is neither a digit nor a dash. */
    private static final AnchoredPattern AT = new AnchoredPattern(CARD, (text, sink) -> {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '3' && c <= '6' && !(previous >= '0' && previous <= '9') && previous != '-') {
                sink.add(i);
            }
            previous = c;
        }
    });

    @Override
    public String id() {
        return "card_number";
    }

    @Override
    public void find(String text, int rank, Redaction sink) {
        AT.forEachMatch(text, m -> {
            if (!luhnValid(m.group())) {
                return false;
            }
            sink.add(new Span(m.start(), m.end(), id(), "[REDACTED:card]", rank));
            return true;
        });
    }

    static boolean luhnValid(String candidate) {
        int sum = 0;
        int digits = 0;
        boolean doubleIt = false;
        for (int i = candidate.length() - 1; i >= 0; i--) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }
        return digits >= 13 && digits <= 19 && sum % 10 == 0;
    }
}
