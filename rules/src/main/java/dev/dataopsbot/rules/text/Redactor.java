package dev.dataopsbot.rules.text;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text before it is printed, stored, indexed or logged.
 *
 * <p>Redaction keeps the structure around the secret ({@code password=[REDACTED]},
 * {@code postgres://etl:[REDACTED]@db}) so that rules still see what kind of line it was, and
 * marks personal data by kind ({@code [REDACTED:email]}) so that the PII rules can count it.
 * Every pattern has bounded repetition only, so a hostile 1 MiB paste costs linear time.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    /** What was redacted, for counting and for the PII rules. */
    public enum Kind { PRIVATE_KEY, SLACK_WEBHOOK, SLACK_TOKEN, JWT, BEARER_TOKEN, AWS_ACCESS_KEY, URI_PASSWORD,
        SECRET_PAIR, EMAIL, SSN, CARD_NUMBER, PHONE }

    /** The redacted text and how many of each kind were removed. */
    public record Result(String text, Map<Kind, Integer> counts) {
    }

    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]{1,300}");
    private static final Pattern SLACK_TOKEN = Pattern.compile("\\b(?:xox[abposer]|xapp)-[A-Za-z0-9-]{10,300}");
    private static final Pattern JWT = Pattern.compile(
            "\\beyJ[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{5,8000}\\.[A-Za-z0-9_-]{0,4000}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s{1,5})[A-Za-z0-9._~+/=-]{8,4096}");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile(
            "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b");
    private static final Pattern URI_PASSWORD = Pattern.compile(
            "\\b([a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^\\s:/@'\"]{1,256}:)([^\\s@/'\"]{1,256})@");
    /**
     * The match starts at the secret-ish word itself (never at a free-length prefix, which would
     * make every position of a long token a candidate), so "aws_secret_access_key=" keeps its
     * "aws_" untouched and the value after "=" or ":" is replaced.
     */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?"
                    + "|auth[_-]?string|session[_-]?key)[a-z0-9_.-]{0,40}[\"']?[ \\t]{0,5}[=:][ \\t]{0,5}[\"']?)"
                    + "(?!\\[REDACTED)([^\\s\"',;&)}\\]]{1,4096})");
    private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])[3-6]\\d{3}(?:[ -]?\\d{4}){2}[ -]?\\d{1,7}(?![\\d-])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]\\(?\\d{2,4}\\)?){2,4}\\b");

    private static final AnchoredPattern SLACK_WEBHOOK_AT = new AnchoredPattern(SLACK_WEBHOOK,
            AnchoredPattern.atLiterals("https://hooks.slack.com/"));
    private static final AnchoredPattern SLACK_TOKEN_AT = new AnchoredPattern(SLACK_TOKEN,
            AnchoredPattern.atLiterals("xox", "xapp-"));
    private static final AnchoredPattern JWT_AT = new AnchoredPattern(JWT, AnchoredPattern.atLiterals("eyJ"));
    private static final AnchoredPattern BEARER_AT = new AnchoredPattern(BEARER,
            AnchoredPattern.atLiteralsIgnoringCase("bearer", "basic"));
    private static final AnchoredPattern AWS_ACCESS_KEY_AT = new AnchoredPattern(AWS_ACCESS_KEY,
            AnchoredPattern.atLiterals("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"));
    private static final AnchoredPattern URI_PASSWORD_AT = new AnchoredPattern(URI_PASSWORD, Redactor::schemeStarts);
    private static final AnchoredPattern SECRET_PAIR_AT = new AnchoredPattern(SECRET_PAIR,
            AnchoredPattern.atLiteralsIgnoringCase("passw", "pwd", "secret", "token", "api", "access", "private",
                    "credential", "auth", "session"));
    private static final AnchoredPattern SSN_AT = new AnchoredPattern(SSN, Redactor::ssnStarts);
    private static final AnchoredPattern CARD_AT = new AnchoredPattern(CARD, Redactor::cardStarts);
    private static final AnchoredPattern PHONE_AT = new AnchoredPattern(PHONE, AnchoredPattern.atLiterals("+"));

    public Result redact(String text) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        String out = redactPrivateKeys(text, counts);
        out = replace(out, SLACK_WEBHOOK_AT, Kind.SLACK_WEBHOOK, counts, m -> "https://hooks.slack.com/" + MARK);
        out = replace(out, SLACK_TOKEN_AT, Kind.SLACK_TOKEN, counts, m -> MARK);
        out = replace(out, JWT_AT, Kind.JWT, counts, m -> MARK);
        out = replace(out, BEARER_AT, Kind.BEARER_TOKEN, counts, m -> m.group(1) + m.group(2) + MARK);
        out = replace(out, AWS_ACCESS_KEY_AT, Kind.AWS_ACCESS_KEY, counts, m -> MARK);
        out = replace(out, URI_PASSWORD_AT, Kind.URI_PASSWORD, counts, m -> m.group(1) + MARK + "@");
        out = replace(out, SECRET_PAIR_AT, Kind.SECRET_PAIR, counts, m -> m.group(1) + MARK);
        out = redactEmails(out, counts);
        out = replace(out, SSN_AT, Kind.SSN, counts, m -> "[REDACTED:ssn]");
        out = replace(out, CARD_AT, Kind.CARD_NUMBER, counts,
                m -> luhnValid(m.group()) ? "[REDACTED:card]" : null);
        out = replace(out, PHONE_AT, Kind.PHONE, counts, m -> "[REDACTED:phone]");
        return new Result(out, Map.copyOf(counts));
    }

    private interface Replacement {
        /** The replacement, or null to keep the match as it is. */
        String of(MatchResult match);
    }

    private static String replace(String text, AnchoredPattern pattern, Kind kind, Map<Kind, Integer> counts,
                                  Replacement replacement) {
        StringBuilder out = new StringBuilder();
        int[] last = {0};
        int before = counts.getOrDefault(kind, 0);
        pattern.forEachMatch(text, m -> {
            String value = replacement.of(m);
            if (value == null) {
                return false;
            }
            out.append(text, last[0], m.start()).append(value);
            last[0] = m.end();
            counts.merge(kind, 1, Integer::sum);
            return true;
        });
        return counts.getOrDefault(kind, 0) == before ? text : out.append(text, last[0], text.length()).toString();
    }

    /**
     * A URI's scheme ends at "://", is at most 31 characters long and cannot contain an earlier
     * "://"; it starts with a letter at a word boundary.
     */
    private static void schemeStarts(String text, AnchoredPattern.Positions sink) {
        int previousEnd = 0;
        for (int sep = text.indexOf("://"); sep >= 0; sep = text.indexOf("://", sep + 3)) {
            for (int i = Math.max(previousEnd, sep - 31); i < sep; i++) {
                if (isAsciiLetter(text.charAt(i)) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                    sink.add(i);
                }
            }
            previousEnd = sep + 3;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /** An SSN's first dash is its fourth character. */
    private static void ssnStarts(String text, AnchoredPattern.Positions sink) {
        for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            if (dash >= 3) {
                sink.add(dash - 3);
            }
        }
    }

    /** A card number starts with 3 to 6 right after something that is neither a digit nor a dash. */
    private static void cardStarts(String text, AnchoredPattern.Positions sink) {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '3' && c <= '6' && !(previous >= '0' && previous <= '9') && previous != '-') {
                sink.add(i);
            }
            previous = c;
        }
    }

    /**
     * E-mail addresses, found by expanding around each '@' instead of a regex: a regex with a
     * bounded local part still tries every start position of a long run of address characters.
     */
    private static String redactEmails(String text, Map<Kind, Integer> counts) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (at >= 0) {
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
                out.append(text, last, start).append("[REDACTED:email]");
                counts.merge(Kind.EMAIL, 1, Integer::sum);
                last = end;
            }
            at = text.indexOf('@', Math.max(at + 1, last));
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean isDomainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** PEM private key blocks, found with plain string search: no regex over an unbounded body. */
    private static String redactPrivateKeys(String text, Map<Kind, Integer> counts) {
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (begin >= 0) {
            int headerEnd = text.indexOf("-----", begin + 11);
            if (headerEnd < 0 || headerEnd - begin > 60
                    || !text.substring(begin, headerEnd).endsWith("PRIVATE KEY")) {
                begin = text.indexOf("-----BEGIN ", begin + 11);
                continue;
            }
            int end = text.indexOf("-----END ", headerEnd + 5);
            int blockEnd = text.length();
            if (end >= 0) {
                int endClose = text.indexOf("-----", end + 9);
                blockEnd = endClose < 0 ? text.length() : endClose + 5;
            }
            out.append(text, last, begin).append("-----BEGIN PRIVATE KEY----- ").append(MARK)
                    .append(" -----END PRIVATE KEY-----");
            counts.merge(Kind.PRIVATE_KEY, 1, Integer::sum);
            last = blockEnd;
            begin = text.indexOf("-----BEGIN ", blockEnd);
        }
        return out.append(text, last, text.length()).toString();
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
