package dev.dataopsbot.bot.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of an alert without its state, so that a recovery notice finds the alert it closes
 * when neither names a pipeline object: {@code Triggered: [P2] Snowflake loader auth failures}
 * and {@code Recovered: [P2] Snowflake loader auth failures} both give
 * {@code snowflake loader auth failures}; {@code [FIRING:1] SnowflakeLoadLag data-platform} and
 * {@code [RESOLVED] SnowflakeLoadLag data-platform} both give {@code snowflakeloadlag data-platform}.
 * The first of the top three lines that still says something specific once emoji, emphasis, link
 * targets, bracketed tags and state words ({@code Resolved by @alice}) are gone is the name; a line
 * of fewer than two words or ten letters, or only of words like "task failed", is too generic.
 */
public final class AlertTitleKey {

    private static final int TOP_LINES = 3;
    private static final int MAX_CHARS = 200;
    private static final Set<String> GENERIC = Set.of("task", "job", "run", "dag", "build", "pipeline", "workflow",
            "failed", "failure", "error", "errors", "alert", "succeeded", "success", "successful", "completed", "the", "has",
            "was", "is");
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+'-]+:");
    private static final Pattern EMPHASIS = Pattern.compile("[*~`]|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])|\\p{So}");
    private static final Pattern LEADING_TAG = Pattern.compile("^\\s*(?:\\[[^\\]]{0,60}\\]|\\([^)]{0,30}\\))\\s*");
    private static final Pattern LEADING_STATE = Pattern.compile("(?i)^\\s*(?:(?:resolved|acknowledged|triggered|assigned)"
            + "\\s+by\\s+\\S+|re-?triggered|triggered|recovered|recovery"
            + "|resolved|firing|ok|alarm|alert|warn(?:ing)?|critical|no data|new incident|incident resolved|incident"
            + "|problem)(?![\\p{L}\\p{N}])\\s*[:\\-–—|]*\\s*");
    private static final Pattern LINK_URL = Pattern.compile("\\s*\\(https?://[^)\\s]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.:;,!\\-–—|]+$");

    /** The stateless name of the alert in {@code text} (as {@link AlertMessageText} extracts it), if specific enough. */
    public Optional<String> of(String text) {
        return text.lines().map(this::stateless).filter(line -> !line.isEmpty()).limit(TOP_LINES)
                .filter(AlertTitleKey::specific).findFirst();
    }

    private String stateless(String line) {
        String name = EMPHASIS.matcher(EMOJI.matcher(line).replaceAll(" ")).replaceAll("");
        name = LINK_URL.matcher(name).replaceAll("");
        String before;
        do {
            before = name;
            name = LEADING_STATE.matcher(LEADING_TAG.matcher(name).replaceFirst("")).replaceFirst("");
        } while (!name.equals(before));
        name = TRAILING.matcher(SPACES.matcher(name).replaceAll(" ").strip()).replaceAll("").toLowerCase(Locale.ROOT);
        return name.length() > MAX_CHARS ? name.substring(0, MAX_CHARS) : name;
    }

    private static boolean specific(String name) {
        String[] words = name.split("[^\\p{L}\\p{N}_-]+");
        return words.length >= 2 && name.chars().filter(Character::isLetter).count() >= 10
                && !Arrays.stream(words).allMatch(word -> word.isEmpty() || GENERIC.contains(word));
    }
}
