package dev.dataopsbot.bot.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that say something went wrong: state words ({@code failed}, {@code error}, {@code firing},
 * {@code did not succeed}, ...) and topic words ({@code alert}, {@code critical}, {@code SEV2}, ...),
 * whole words in any case, with an underscore counted as a word break ({@code upstream_failed}).
 * A word that is negated around it does not count: {@code no errors}, {@code 0 failures},
 * {@code ERROR=0}, {@code failures: none}, {@code error rate normal}, {@code error-free}.
 */
final class FailureMarkers {

    /** Words that say something is broken now. */
    private static final Pattern STATE = words("fail(?:ed|ure|ures|ing|s)?|error(?:s|ed|ing)?|exceptions?|firing|down"
            + "|outages?|breach(?:ed|es)?|timed[ -]?out|timeouts?|did not succeed|unsuccessful|aborted|crash(?:ed|es|ing)?"
            + "|fatal|panic|triggered|unhealthy|unavailable|degraded|violat(?:ed|ion|ions)|traceback|killed|oom(?:killed)?"
            + "|refused|denied|expired");
    /** Words that name an alert or its severity; an alert's name keeps them after it recovers. */
    private static final Pattern TOPIC = words("alerts?|alerting|alarms?|critical|warn(?:ing|ings)?|sev[ -]?[1-4]|p[1-4]"
            + "|incidents?|anomal(?:y|ies)");
    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "(?i)(?:(?<![\\p{L}\\p{N}])(?:no|zero|without|not|never|none)|(?<![^\\s(,])0)\\s+(?:[\\p{L}-]+\\s+)?$");
    private static final Pattern NEGATED_AFTER = Pattern.compile(
            "(?i)^(?:\\s*[:=]\\s*|\\s+)(?:0|none|zero)(?![\\p{L}\\p{N}.])"
                    + "|^\\s+(?:rate|count|budget)\\s+(?:is\\s+|remains\\s+)?(?:normal|ok|nominal|stable|healthy|fine|low)(?![\\p{L}\\p{N}])"
                    + "|^\\s+(?:rate|count)\\s*[:=]\\s*0(?![\\p{L}\\p{N}.])"
                    + "|^-free");
    private static final int LOOK_BEHIND = 40;

    /** True when a state or topic word is in {@code text}, not negated. */
    boolean presentIn(String text) {
        return statePresentIn(text) || first(TOPIC, text).isPresent();
    }

    /** True when a state word ({@code failed}, {@code firing}, ...) is in {@code text}, not negated. */
    boolean statePresentIn(String text) {
        return first(STATE, text).isPresent();
    }

    private static Optional<String> first(Pattern words, String text) {
        Matcher m = words.matcher(text);
        while (m.find()) {
            if (!negated(text, m.start(), m.end())) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    private static boolean negated(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(Math.max(lineStart, start - LOOK_BEHIND), start);
        int lineEnd = text.indexOf('\n', end);
        String after = text.substring(end, lineEnd < 0 ? text.length() : Math.min(lineEnd, end + LOOK_BEHIND));
        return NEGATED_BEFORE.matcher(before).find() || NEGATED_AFTER.matcher(after).find();
    }
}
