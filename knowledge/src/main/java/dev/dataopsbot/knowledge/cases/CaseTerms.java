package dev.dataopsbot.knowledge.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * Log-aware analysis for the case library: what a person reads in a log line, without what
 * changes from one run to the next.
 * <ul>
 *   <li>Variable parts are dropped: URLs, paths, e-mail addresses and quoted values by a regex;
 *       timestamps, UUIDs, hex, ids, IP addresses and plain numbers as the tokens they become.</li>
 *   <li>Identifiers are read as words: {@code ConcurrentRunsExceededException} gives "concurrent",
 *       "run", "exceeded", "exception" and the whole name, {@code ICEBERG_COMMIT_ERROR} gives
 *       "iceberg", "commit", "error" and the whole name.</li>
 *   <li>Error codes stay whole: {@code ORA-00942}, {@code 42P01}, {@code AADSTS7000222}, HTTP
 *       statuses ({@code 429}, {@code 503}) and zero-led vendor codes ({@code 002003}).</li>
 * </ul>
 * Words are lower-cased, English plurals folded, and stop words dropped.
 */
public final class CaseTerms {

    /** Lines of a long alert read for neighbours: its failure lines, else its first lines. */
    static final int MAX_LINES = 60;

    /**
     * Variable parts that span several tokens: URLs, e-mail addresses, paths and quoted values.
     * Timestamps, UUIDs, ids, IP addresses and plain numbers fall apart into tokens that
     * {@link #addToken} drops, so they need no regex.
     */
    private static final Pattern URL = Pattern.compile("(?:https?|s3a?|gs|abfss?|wasbs?|hdfs|file|jdbc:[a-z]+)://\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PATH = Pattern.compile("(?<![\\w])(?:/[\\w.@%+=:,-]+){2,}/?");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]{0,200}'|\"[^\"\\n]{0,200}\"|`[^`\\n]{0,200}`");
    private static final Pattern FAILURE_LINE = Pattern.compile(
            "(?i)error|exception|fail|fatal|denied|refused|timed? ?out|expired|invalid|cannot|can't|could not|unable|"
                    + "exceeded|killed|not found|does not exist|missing|violation|unavailable|throttl|quota|limit|"
                    + "deadlock|lock|oom|memory|disk|space|pii|sensitive|detected|warning|alert|stale|late|lag|"
                    + "succeeded|success|resolved|recovered|completed|\\?");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "for", "on", "at", "by",
            "with", "is", "was", "be", "been", "are", "were", "and", "or", "it", "its", "this", "that", "as", "from",
            "has", "have", "had", "will", "info", "debug", "trace", "log", "logs", "line", "i", "we", "you", "my",
            "our", "me", "us", "so", "if", "then", "there", "here", "do", "did", "does", "into");
    private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();
    private static final Pattern HEX = Pattern.compile("(?i)[0-9a-f]{6,}");
    private static final Pattern PREFIXED_NUMBER = Pattern.compile("[A-Z]{2,}[-_]?\\d+");
    private static final String SEPARATOR_CHARS = "._$-";

    private CaseTerms() {
    }

    /** The terms of a text, in order, repeats kept (they are term frequencies). */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        for (String line : focus(text)) {
            for (String token : tokens(masked(line))) {
                addToken(token, terms);
            }
        }
        return terms;
    }

    /**
     * The tokens of a line: runs of letters, digits and {@code _ . $ -} (ASCII), without the
     * non-alphanumeric characters at their ends; what
     * {@code [A-Za-z0-9][A-Za-z0-9_.$-]*[A-Za-z0-9]|[A-Za-z0-9]} finds, without a regex.
     */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        int run = -1;
        for (int i = 0; i <= line.length(); i++) {
            if (i < line.length() && isTokenChar(line.charAt(i))) {
                if (run < 0) {
                    run = i;
                }
            } else if (run >= 0) {
                int start = run;
                int end = i;
                while (start < end && !isAlphanumeric(line.charAt(start))) {
                    start++;
                }
                while (end > start && !isAlphanumeric(line.charAt(end - 1))) {
                    end--;
                }
                if (start < end) {
                    tokens.add(line.substring(start, end));
                }
                run = -1;
            }
        }
        return tokens;
    }

    private static boolean isTokenChar(char c) {
        return isAlphanumeric(c) || c == '_' || c == '.' || c == '$' || c == '-';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The line without its variable parts; each regex runs only when its marker is in the line. */
    private static String masked(String line) {
        String out = line;
        if (out.contains("://")) {
            out = URL.matcher(out).replaceAll(" ");
        }
        if (out.indexOf('@') >= 0) {
            out = EMAIL.matcher(out).replaceAll(" ");
        }
        if (out.indexOf('/') >= 0) {
            out = PATH.matcher(out).replaceAll(" ");
        }
        if (out.indexOf('\'') >= 0 || out.indexOf('"') >= 0 || out.indexOf('`') >= 0) {
            out = QUOTED.matcher(out).replaceAll(" ");
        }
        return out;
    }

    /** Term counts of a text. */
    public static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        of(text).forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts;
    }

    /** The lines of a long text worth reading: the failure lines when there are many lines. */
    static List<String> focus(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        List<String> failing = lines.stream().filter(l -> FAILURE_LINE.matcher(l).find()).toList();
        List<String> chosen = failing.isEmpty() ? lines : failing;
        if (chosen.size() <= MAX_LINES) {
            return chosen;
        }
        List<String> cut = new ArrayList<>(chosen.subList(0, MAX_LINES / 2));
        cut.addAll(chosen.subList(chosen.size() - MAX_LINES / 2, chosen.size()));
        return cut;
    }

    private static void addToken(String token, List<String> terms) {
        boolean hasDigit = false;
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            hasDigit |= Character.isDigit(c);
            hasLetter |= Character.isLetter(c);
        }
        if (!hasLetter) {
            if (isCodeNumber(token)) {
                terms.add(token);
            }
            return;
        }
        if (hasDigit) {
            if (isErrorCode(token)) {
                terms.add(token.toLowerCase(Locale.ROOT));
            }
            return;
        }
        List<String> parts = parts(token);
        for (String part : parts) {
            if (part.length() > 1 && !STOP.contains(part)) {
                terms.add(stem(part));
            }
        }
        if (parts.size() > 1) {
            terms.add(token.toLowerCase(Locale.ROOT).replace(".", "_"));
        }
    }

    /** HTTP statuses (4xx, 5xx) and zero-led vendor codes (Snowflake's 002003); other numbers vary. */
    private static boolean isCodeNumber(String token) {
        if (token.length() == 3) {
            return token.charAt(0) == '4' || token.charAt(0) == '5';
        }
        return token.length() >= 5 && token.length() <= 6 && token.charAt(0) == '0';
    }

    /**
     * A letters-and-digits token is an error code ({@code ORA-00942}, {@code 42P01},
     * {@code AADSTS7000222}, {@code S3Exception}) when it is short or mostly letters; long runs with
     * many digits are ids ({@code run_20240101T0300}, {@code a1b2c3d4e5f6}).
     */
    private static boolean isErrorCode(String token) {
        int digits = 0;
        for (int i = 0; i < token.length(); i++) {
            digits += Character.isDigit(token.charAt(i)) ? 1 : 0;
        }
        if (token.length() > 16) {
            return false;
        }
        if (token.startsWith("0x") || token.startsWith("0X") || HEX.matcher(token).matches()) {
            return false;
        }
        return token.length() <= 8 || digits * 2 <= token.length() || PREFIXED_NUMBER.matcher(token).matches();
    }

    /** The words of an identifier: split at {@code . _ - $} and at case changes. */
    static List<String> parts(String identifier) {
        List<String> parts = new ArrayList<>();
        for (String piece : pieces(identifier)) {
            int start = 0;
            for (int i = 1; i < piece.length(); i++) {
                char previous = piece.charAt(i - 1);
                char c = piece.charAt(i);
                boolean lowerToUpper = Character.isLowerCase(previous) && Character.isUpperCase(c);
                boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(c)
                        && i + 1 < piece.length() && Character.isLowerCase(piece.charAt(i + 1));
                if (lowerToUpper || acronymEnd) {
                    parts.add(piece.substring(start, i).toLowerCase(Locale.ROOT));
                    start = i;
                }
            }
            parts.add(piece.substring(start).toLowerCase(Locale.ROOT));
        }
        return parts;
    }

    /** The identifier split at runs of {@code . _ $ -}, without empty pieces. */
    private static List<String> pieces(String identifier) {
        List<String> pieces = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= identifier.length(); i++) {
            if (i == identifier.length() || SEPARATOR_CHARS.indexOf(identifier.charAt(i)) >= 0) {
                if (i > start) {
                    pieces.add(identifier.substring(start, i));
                }
                start = i + 1;
            }
        }
        return pieces;
    }

    private static String stem(String word) {
        char[] chars = word.toCharArray();
        int length = STEMMER.stem(chars, chars.length);
        return new String(chars, 0, length);
    }
}
