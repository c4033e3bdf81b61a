package dev.dataopsbot.bot.backtest;

import java.util.Set;

/**
 * One alert replayed.
 *
 * @param firedBefore the rules that fired under the baseline, empty when the baseline is the recorded decision
 * @param firedAfter  the rules that fired under the candidate: DRL rules and catalogue entries that gave evidence
 */
public record ReplayResult(ReplayedAlert alert, Outcome before, Outcome after, Set<String> firedBefore,
                           Set<String> firedAfter) {

    /** True when the mode changed. */
    public boolean changed() {
        return !before.mode().equals(after.mode());
    }
}
