package dev.dataopsbot.rules.redaction;

import java.util.regex.Pattern;

/**
 * Phone numbers: international ({@code +44 20 7946 0958}, {@code +1-202-555-0143},
 * {@code +14155550143}) and the common US forms ({@code (202) 555-0143}, {@code 202-555-0143},
 * {@code 202.555.0143}, area and exchange codes starting 2-9 as the North American plan requires).
 */
final class PhoneNumbers implements PersonalDataKind {

    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\w+])\\+(?:\\d{1,3}(?:[ .-]\\(?\\d{2,4}\\)?){2,4}\\b|[1-9]\\d{9,14}\\b)");
    private static final Pattern US = Pattern.compile(
            "(?<![\\w.+-])(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-.])[2-9]\\d{2}[-.]\\d{4}(?![\\w.-])");
    private static final AnchoredPattern INTERNATIONAL_AT = new AnchoredPattern(INTERNATIONAL, AnchoredPattern.atLiterals("+"));
    /** A US number starts at '(' or at the first of three digits followed by '-' or '.'. */
    private static final AnchoredPattern US_AT = new AnchoredPattern(US, (text, sink) -> {
        int n = text.length();
        for (int i = 0; i + 3 < n; i++) {
            char c = text.charAt(i);
            if (c == '(' || c >= '2' && c <= '9' && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
                    && (text.charAt(i + 3) == '-' || text.charAt(i + 3) == '.')) {
                sink.add(i);
            }
        }
    });

    @Override
    public String id() {
        return "phone";
    }

    @Override
    public void find(String text, int rank, Redaction sink) {
        AnchoredPattern.MatchFilter mark = m -> {
            sink.add(new Span(m.start(), m.end(), id(), "[REDACTED:phone]", rank));
            return true;
        };
        INTERNATIONAL_AT.forEachMatch(text, mark);
        US_AT.forEachMatch(text, mark);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
