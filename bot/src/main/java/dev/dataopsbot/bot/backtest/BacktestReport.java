package dev.dataopsbot.bot.backtest;

import java.util.List;

/**
 * What a backtest found.
 *
 * @param alertsFrom   where the alerts came from, for people ({@code ./data: stored incidents since 2026-11-07})
 * @param baseline     what the candidate is compared with, for people
 * @param candidate    the candidate rule pack, for people
 * @param candidateHash the candidate pack's hash
 * @param baselineHash the baseline pack's hash, or null when the baseline is the recorded decision
 * @param alerts       how many alerts were replayed
 * @param changed      alerts whose mode changed, in replay order
 * @param redecided    alerts whose mode stayed but another rule, catalogue entry or case now decides it
 * @param confirmed    per confirmed mode, sorted by mode
 * @param unknownBefore alerts the baseline left {@code unknown}
 * @param unknownAfter alerts the candidate leaves {@code unknown}
 * @param firings      rules whose firing count differs, then the rest, by name
 * @param neverFired   DRL rules of the candidate that fired on no replayed alert, by name
 */
public record BacktestReport(String alertsFrom, String baseline, String candidate, String candidateHash,
                             String baselineHash, int alerts, List<Change> changed, List<Change> redecided,
                             List<ModeAccuracy> confirmed,
                             int unknownBefore, int unknownAfter, List<RuleFiring> firings, List<String> neverFired) {

    public BacktestReport {
        changed = List.copyOf(changed);
        redecided = List.copyOf(redecided);
        confirmed = List.copyOf(confirmed);
        firings = List.copyOf(firings);
        neverFired = List.copyOf(neverFired);
    }

    /** Alerts a person confirmed the mode of. */
    public int confirmedCount() {
        return confirmed.stream().mapToInt(ModeAccuracy::confirmed).sum();
    }

    public int confirmedRightBefore() {
        return confirmed.stream().mapToInt(ModeAccuracy::before).sum();
    }

    public int confirmedRightAfter() {
        return confirmed.stream().mapToInt(ModeAccuracy::after).sum();
    }
}
