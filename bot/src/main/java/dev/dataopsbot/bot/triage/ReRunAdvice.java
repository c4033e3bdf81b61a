package dev.dataopsbot.bot.triage;

import dev.dataopsbot.rules.Disposition;

/**
 * Whether re-running is safe and why, as people read it: {@code after fix — re-running fails the
 * same way until the schema or the model is fixed}, or {@code not applicable (nothing failed)} for
 * a recovery or success notice. The CLI text and the Slack message show the same words.
 *
 * @param value  {@code yes}, {@code no} or {@code after_fix} (the JSON contract's values)
 * @param reason a short phrase, empty when unknown (a classification stored before reasons existed)
 */
public record ReRunAdvice(String value, String reason) {

    public ReRunAdvice {
        value = value == null ? "no" : value;
        reason = reason == null ? "" : reason.strip();
    }

    /** The advice and its reason, for people. */
    public String text() {
        if (reason.equals(Disposition.NOTHING_FAILED)) {
            return "not applicable (nothing failed)";
        }
        String label = switch (value) {
            case "yes" -> "yes";
            case "after_fix" -> "after fix";
            default -> "no";
        };
        return reason.isEmpty() ? label : label + " — " + reason;
    }
}
