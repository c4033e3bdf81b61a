package dev.dataopsbot.rules.redaction;

/**
 * E-mail addresses, found by expanding around each {@code @} instead of a regex: a regex with a
 * bounded local part still tries every start position of a long run of address characters.
 */
final class EmailAddresses implements PersonalDataKind {

    static final String MARK = "[REDACTED:email]";

    @Override
    public String id() {
        return "email";
    }

    @Override
    public void find(String text, int rank, Redaction sink) {
        int last = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, last))) {
            int start = at;
            while (start > last && at - start < 64 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            int lastDot = -1;
            while (end < text.length() && end - at <= 253 && isDomainChar(text.charAt(end))) {
                if (text.charAt(end) == '.') {
                    lastDot = end;
                }
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            boolean valid = start < at && lastDot > at + 1 && lastDot < end - 2
                    && text.substring(lastDot + 1, end).chars().allMatch(Character::isLetter);
            if (valid) {
                sink.add(new Span(start, end, id(), MARK, rank));
                last = end;
            }
        }
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean isDomainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }
}
