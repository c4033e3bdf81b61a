package dev.dataopsbot.bot.alert;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovery and success notices, strongest first. A status tag that opens the first line
 * ({@code [RESOLVED]}, {@code [OK]}, {@code Recovered:}, {@code Resolved by}, {@code Incident
 * resolved}) or a state change to OK near the top ({@code ALARM -> OK}) is a recovery even though the
 * alert's name follows with failure words. A success word on the first line ({@code succeeded},
 * {@code resolved}, {@code back to normal}) counts only when no failure state word ({@code failed},
 * {@code firing}, ...) is on that line; severity words like {@code critical} name the alert and do
 * not count. A status field ({@code state=success}, {@code Status: Success}, {@code success: true})
 * counts only when, besides, no status field near the top says failure.
 */
final class RecoveryMarkers {

    /** How many lines from the top a state change or status field may be on. */
    private static final int TOP_LINES = 15;

    private static final Pattern EMPHASIS = Pattern.compile("[*_`]");
    private static final Pattern LEADING_NOISE = Pattern.compile("^(?:\\s|:[a-z0-9_+'-]+:|[*_~>•\\-–—|]|\\p{So})+");
    private static final Pattern STATUS_TAG = Pattern.compile(
            "(?i)^(?:\\[\\s*(?:resolved|recovered|ok|success)(?:\\s[^\\]]*|:\\d+)?\\]"
                    + "|\\(?(?:resolved|recovered|ok)\\)?(?:\\s+by\\s+[^:]{1,60})?\\s*[:\\-–—|]"
                    + "|(?:(?:incident|alert|alarm|monitor|issue|problem)\\W{0,3}\\s*)?(?:resolved|recovered)(?![\\p{L}\\p{N}]))");
    private static final Pattern STATE_CHANGE = Pattern.compile(
            "(?i)(?:from\\s+\"?(?:ALARM|INSUFFICIENT_DATA)\"?\\s+to\\s+\"?OK\"?|ALARM\\s*(?:->|→|=>)\\s*OK"
                    + "|is\\s+now\\s+(?:in\\s+(?:the\\s+)?)?\"?OK\"?)(?![\\p{L}\\p{N}])");
    private static final Pattern SUCCESS_WORD = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:succeeded|success(?:ful(?:ly)?)?|resolved|recovered|back to normal"
                    + "|is (?:now )?(?:ok|healthy)|passed)(?![\\p{L}\\p{N}])");
    private static final Pattern NEGATION = Pattern.compile("(?i)(?:\\bnot|\\bnever|\\bno|n't)\\s*$");
    private static final Pattern STATUS_FIELD = Pattern.compile(
            "(?i)(?:\\b(?:state|status|result)[*_`\\s]*[:=][*_`\\s]*[\"']?|\\bsuccess[*_`\\s]*[:=][*_`\\s]*)"
                    + "(success|succeeded|successful|ok|resolved|recovered|passed|true|failed|failure|failing|error"
                    + "|errored|alarm|firing|triggered|critical|upstream_failed|false)(?![\\p{L}\\p{N}])");
    private static final List<String> FAILED_STATUSES = List.of("failed", "failure", "failing", "error", "errored",
            "alarm", "firing", "triggered", "critical", "upstream_failed", "false");

    private final FailureMarkers failures;

    RecoveryMarkers(FailureMarkers failures) {
        this.failures = failures;
    }

    Optional<Recovery> find(String text) {
        List<String> top = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(TOP_LINES).toList();
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String first = LEADING_NOISE.matcher(top.get(0)).replaceFirst("");
        Matcher tag = STATUS_TAG.matcher(first);
        if (tag.lookingAt()) {
            return recovery(tag.group());
        }
        for (String line : top) {
            Matcher change = STATE_CHANGE.matcher(line);
            if (change.find()) {
                return recovery(change.group());
            }
        }
        if (failures.statePresentIn(first)) {
            return Optional.empty();
        }
        Optional<Recovery> word = successWord(first);
        return word.isPresent() ? word : statusField(top);
    }

    private static Optional<Recovery> successWord(String line) {
        Matcher m = SUCCESS_WORD.matcher(line);
        while (m.find()) {
            if (!NEGATION.matcher(line.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                return recovery(m.group());
            }
        }
        return Optional.empty();
    }

    /** A success status field, unless another status field says failure. */
    private static Optional<Recovery> statusField(List<String> top) {
        Optional<Recovery> success = Optional.empty();
        for (String line : top) {
            Matcher m = STATUS_FIELD.matcher(line);
            while (m.find()) {
                if (FAILED_STATUSES.contains(m.group(1).toLowerCase())) {
                    return Optional.empty();
                }
                if (success.isEmpty()) {
                    success = recovery(m.group());
                }
            }
        }
        return success;
    }

    private static Optional<Recovery> recovery(String marker) {
        return Optional.of(new Recovery(EMPHASIS.matcher(marker).replaceAll("").strip()));
    }
}
