package dev.dataopsbot.bot.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that say something went wrong ({@code failed}, {@code error}, {@code firing},
 * {@code SEV2}, {@code did not succeed}, ...), whole words in any case, with an underscore counted
 * as a word break ({@code upstream_failed}). A word that is negated around it does not count:
 * {@code no errors}, {@code 0 failures}, {@code ERROR=0}, {@code failures: none},
 * {@code error rate normal}, {@code error-free}.
 */
final class FailureMarkers {

    private static final Pattern MARKER = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:"
            + "fail(?:ed|ure|ures|ing|s)?|errors?|exceptions?|alerts?|alerting|alarms?|firing|critical|"
            + "warn(?:ing|ings)?|sev[ -]?[1-4]|p[1-4]|incidents?|down|outages?|breach(?:ed|es)?|"
            + "timed[ -]?out|timeouts?|did not succeed|unsuccessful|aborted|crash(?:ed|es|ing)?|fatal|panic|"
            + "triggered|unhealthy|unavailable|degraded|violat(?:ed|ion|ions)|anomal(?:y|ies)|traceback|"
            + "killed|oom(?:killed)?|refused|denied|expired)(?![\\p{L}\\p{N}])");
    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:no|zero|without|not|never|none|0)\\s+(?:[\\p{L}-]+\\s+)?$");
    private static final Pattern NEGATED_AFTER = Pattern.compile(
            "(?i)^(?:\\s*[:=]\\s*|\\s+)(?:0|none|zero)(?![\\p{L}\\p{N}.])"
                    + "|^\\s+(?:rate|count|budget)\\s+(?:is\\s+|remains\\s+)?(?:normal|ok|nominal|stable|healthy|fine|low)(?![\\p{L}\\p{N}])"
                    + "|^\\s+(?:rate|count)\\s*[:=]\\s*0(?![\\p{L}\\p{N}.])"
                    + "|^-free");
    private static final int LOOK_BEHIND = 40;

    /** The first marker in {@code text} that is not negated. */
    Optional<String> first(String text) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            if (!negated(text, m.start(), m.end())) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    boolean presentIn(String text) {
        return first(text).isPresent();
    }

    private static boolean negated(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(Math.max(lineStart, start - LOOK_BEHIND), start);
        int lineEnd = text.indexOf('\n', end);
        String after = text.substring(end, lineEnd < 0 ? text.length() : Math.min(lineEnd, end + LOOK_BEHIND));
        return NEGATED_BEFORE.matcher(before).find() || NEGATED_AFTER.matcher(after).find();
    }
}
