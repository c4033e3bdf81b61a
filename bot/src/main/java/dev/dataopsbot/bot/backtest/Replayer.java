package dev.dataopsbot.bot.backtest;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.dataopsbot.bot.triage.AlertDecider;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.rules.Alert;
import dev.dataopsbot.rules.Evidence;

/**
 * Replays one alert: the nearest cases vote once (they do not depend on the rules), then the
 * candidate rules decide and, unless the baseline is the recorded decision, the baseline rules do
 * too, exactly as triage would. Thread-safe.
 */
final class Replayer {

    private final AlertDecider candidate;
    private final Optional<AlertDecider> baseline;
    private final CaseKnowledge cases;

    /** @param baseline the rules in force now, or empty to compare with what was recorded */
    Replayer(AlertDecider candidate, Optional<AlertDecider> baseline, CaseKnowledge cases) {
        this.candidate = candidate;
        this.baseline = baseline;
        this.cases = cases;
    }

    ReplayResult replay(ReplayedAlert replayed) {
        Alert alert = Alert.of(replayed.source(), replayed.text());
        CaseVote vote = cases.vote(replayed.text(), replayed.leftOut());
        AlertDecider.Decided after = candidate.decide(alert, vote);
        if (baseline.isEmpty()) {
            Outcome recorded = replayed.recorded().orElseThrow(() -> new IllegalStateException(
                    replayed.id() + " has no recorded decision to compare with"));
            return new ReplayResult(replayed, recorded, outcome(after), Set.of(), fired(after));
        }
        AlertDecider.Decided before = baseline.get().decide(alert, vote);
        return new ReplayResult(replayed, outcome(before), outcome(after), fired(before), fired(after));
    }

    private static Outcome outcome(AlertDecider.Decided decided) {
        return new Outcome(decided.verdict().failureMode(), decided.decider().orElse(null));
    }

    /** The DRL rules that fired, and the catalogue entries that gave evidence. */
    private static Set<String> fired(AlertDecider.Decided decided) {
        Set<String> fired = new HashSet<>(decided.firedRules());
        decided.verdict().evidence().stream().map(Evidence::getRule).forEach(fired::add);
        return fired;
    }
}
