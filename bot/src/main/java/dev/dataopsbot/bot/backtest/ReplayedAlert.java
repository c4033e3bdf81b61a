package dev.dataopsbot.bot.backtest;

import java.util.Optional;
import java.util.Set;

/**
 * One alert to replay.
 *
 * @param id            {@code INC-3} for a stored incident (its first alert, the one it was classified on),
 *                      the case id for a labelled case
 * @param source        where it came from ({@code cli}, {@code alertmanager}, ...)
 * @param text          the text as stored: normalised and redacted
 * @param recorded      what was decided when it arrived; empty for a labelled case
 * @param confirmedMode the mode a person confirmed (feedback "right", or the mode given with "wrong"), or the
 *                      case's label; null when nobody said
 * @param leftOut       ids of cases made from this very alert (a team case learned from the incident, or the
 *                      labelled case itself), left out of the vote as cross-validation leaves out its fold
 */
public record ReplayedAlert(String id, String source, String text, Optional<Outcome> recorded, String confirmedMode,
                            Set<String> leftOut) {

    public ReplayedAlert {
        leftOut = Set.copyOf(leftOut);
    }
}
