package dev.dataopsbot.bot.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Adds up replayed alerts, in replay order, into a {@link BacktestReport}. Not thread-safe. */
final class BacktestTally {

    private static final String UNKNOWN = "unknown";

    private final boolean baselineReplayed;
    private final List<Change> changed = new ArrayList<>();
    private final List<Change> redecided = new ArrayList<>();
    private final Map<String, int[]> confirmed = new TreeMap<>();
    private final Map<String, int[]> fired = new HashMap<>();
    private int alerts;
    private int unknownBefore;
    private int unknownAfter;

    /** @param baselineReplayed false when the baseline is the recorded decision (no rule counts before) */
    BacktestTally(boolean baselineReplayed) {
        this.baselineReplayed = baselineReplayed;
    }

    void add(ReplayResult result) {
        alerts++;
        if (result.changed()) {
            changed.add(new Change(result.alert().id(), result.before(), result.after()));
        } else if (result.before().decider() != null && !result.before().decider().equals(result.after().decider())) {
            redecided.add(new Change(result.alert().id(), result.before(), result.after()));
        }
        unknownBefore += result.before().mode().equals(UNKNOWN) ? 1 : 0;
        unknownAfter += result.after().mode().equals(UNKNOWN) ? 1 : 0;
        String truth = result.alert().confirmedMode();
        if (truth != null) {
            int[] counts = confirmed.computeIfAbsent(truth, m -> new int[3]);
            counts[0]++;
            counts[1] += result.before().mode().equals(truth) ? 1 : 0;
            counts[2] += result.after().mode().equals(truth) ? 1 : 0;
        }
        result.firedBefore().forEach(rule -> fired.computeIfAbsent(rule, r -> new int[2])[0]++);
        result.firedAfter().forEach(rule -> fired.computeIfAbsent(rule, r -> new int[2])[1]++);
    }

    int alerts() {
        return alerts;
    }

    /**
     * @param candidateRules every DRL rule of the candidate pack, for the rules that never fired
     */
    BacktestReport report(String alertsFrom, String baseline, String candidate, String candidateHash, String baselineHash,
                          List<String> candidateRules) {
        List<ModeAccuracy> accuracy = new ArrayList<>();
        confirmed.forEach((mode, c) -> accuracy.add(new ModeAccuracy(mode, c[0], c[1], c[2])));
        List<RuleFiring> firings = new ArrayList<>();
        fired.forEach((rule, c) -> firings.add(new RuleFiring(rule, baselineReplayed ? OptionalInt.of(c[0]) : OptionalInt.empty(), c[1])));
        firings.sort(Comparator.comparing((RuleFiring f) -> f.before().isPresent() && f.before().getAsInt() == f.after())
                .thenComparing(RuleFiring::rule));
        List<String> never = candidateRules.stream().filter(rule -> fired.getOrDefault(rule, new int[2])[1] == 0)
                .sorted().toList();
        return new BacktestReport(alertsFrom, baseline, candidate, candidateHash, baselineHash, alerts, changed, redecided, accuracy,
                unknownBefore, unknownAfter, firings, never);
    }
}
