package dev.dataopsbot.knowledge.incident;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The template of a log or alert message, as log-template miners (Drain, Spell) preprocess a line
 * before grouping: everything that varies from one occurrence to the next is replaced by a
 * placeholder, so the same message repeating gives the same template and different messages do
 * not. Masked, in this order: URLs {@code <url>}, file paths and object keys {@code <path>},
 * timestamps and dates {@code <time>}, Airflow run ids {@code <run>}, quoted values {@code <quoted>}, IP
 * addresses {@code <ip>}, UUIDs and hex ids {@code <id>}, then any other number {@code <n>}. The
 * result is lower-case with single spaces, at most {@value #MAX_CHARS} characters.
 */
public final class MessageTemplate {

    static final int MAX_CHARS = 120;

    private static final Pattern URL = Pattern.compile("\\b[a-z][a-z0-9+.-]{1,15}://\\S+");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[t ,]*\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*utc|z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?|\\b\\d{1,2}:\\d{2}(?:\\s*[ap]m)?\\b");
    private static final Pattern RUN_ID = Pattern.compile(
            "\\b(?:scheduled|manual|backfill|dataset_triggered)__[^\\s,;'\"]+|\\brun[_ -]?id[=: ]+[^\\s,;'\"]+");
    private static final Pattern QUOTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])'[^'\\n]{1,200}'(?![\\p{L}\\p{N}])|\"[^\"\\n]{1,200}\"|`[^`\\n]{1,200}`");
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\p{L}\\p{N}<])(?:[a-z]:)?(?:[\\\\/][\\w.@%+=~-]+){2,}[\\\\/]?|(?<![\\p{L}\\p{N}/<])[\\w.@%+=~-]+(?:/[\\w.@%+=~-]+){2,}");
    private static final Pattern IP = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?:0x)?(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z]+>");
    /** Log prefixes before the message: a bracketed time and logger, a level. */
    private static final Pattern LOG_PREFIX = Pattern.compile(
            "^(?:\\[[^\\]]{0,80}\\]\\s*|\\{[^}]{0,80}\\}\\s*|<time>\\s*|(?:info|warn(?:ing)?|error|debug|fatal|critical)\\s*[-:|]?\\s*)+");
    /** Words that mark the line that says what went wrong. */
    private static final Pattern TELLING = Pattern.compile(
            "(?i)\\b(?:error|errors|fail\\w*|exception|fatal|timed? ?out|denied|refused|expired|killed|invalid|stale"
                    + "|missing|not found|cannot|can't|unable|exceeded|broken|down|late)\\b");

    private MessageTemplate() {
    }

    /** The template of one message line. */
    public static String of(String message) {
        String s = message.toLowerCase(Locale.ROOT);
        s = URL.matcher(s).replaceAll("<url>");
        s = PATH.matcher(s).replaceAll("<path>");
        s = TIMESTAMP.matcher(s).replaceAll("<time>");
        s = DATE.matcher(s).replaceAll("<time>");
        s = RUN_ID.matcher(s).replaceAll("<run>");
        s = QUOTED.matcher(s).replaceAll("<quoted>");
        s = IP.matcher(s).replaceAll("<ip>");
        s = UUID.matcher(s).replaceAll("<id>");
        s = HEX.matcher(s).replaceAll("<id>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        s = LOG_PREFIX.matcher(s).replaceFirst("");
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS).strip() : s;
    }

    /**
     * The template of the line of {@code text} that stands for the whole: the first line with a
     * word that says what went wrong ({@code error}, {@code failed}, {@code timed out},
     * {@code stale}, ...), else the first line with a letter; empty when no line has one.
     */
    public static Optional<String> headline(String text) {
        String first = null;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            String template = of(line);
            if (!template.chars().anyMatch(Character::isLetter) || PLACEHOLDER.matcher(template).replaceAll("").isBlank()) {
                continue;
            }
            if (TELLING.matcher(line).find()) {
                return Optional.of(template);
            }
            if (first == null) {
                first = template;
            }
        }
        return Optional.ofNullable(first);
    }
}
