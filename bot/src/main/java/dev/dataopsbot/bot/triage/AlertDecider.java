package dev.dataopsbot.bot.triage;

import java.util.Optional;
import java.util.Set;

import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.rules.Alert;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.RuleSession;
import dev.dataopsbot.rules.Verdict;

/**
 * Stage 1 and stage 2 on one prepared (normalised, redacted) text: the rules' session, the
 * nearest cases' vote, and {@link TwoStageDecision} combining them. Triage and the backtest both
 * decide through it, so a backtest replays exactly what triage does. Thread-safe.
 */
public final class AlertDecider {

    private final FailureModeClassifier classifier;
    private final TwoStageDecision decision = new TwoStageDecision();

    public AlertDecider(FailureModeClassifier classifier) {
        this.classifier = classifier;
    }

    /** The decision on {@code alert}, given the cases' {@code vote} on the same text. */
    public Decided decide(Alert alert, CaseVote vote) {
        try (RuleSession session = classifier.open(alert)) {
            Verdict rules = session.verdict();
            TwoStageDecision.Decision decided = decision.decide(rules, vote);
            Verdict verdict = decided.mode().equals(rules.failureMode())
                    ? rules.withConfidence(decided.confidence())
                    : session.decidedAs(decided.mode(), decided.confidence());
            return new Decided(verdict, decided, vote, session.firedRules());
        }
    }

    /**
     * One decision.
     *
     * @param verdict    the answer, with severity, escalation and re-run advice for its mode
     * @param decision   which stage decided and with what confidence
     * @param vote       the nearest cases' vote it was given
     * @param firedRules the DRL rules that fired on the text
     */
    public record Decided(Verdict verdict, TwoStageDecision.Decision decision, CaseVote vote, Set<String> firedRules) {

        public Decided {
            firedRules = Set.copyOf(firedRules);
        }

        /**
         * What decided, for the record and for per-rule precision: the rule or catalogue entry of
         * the strongest evidence when the rules decided ({@code rate_limit: http 429 too many requests},
         * {@code catalogue http-status: 429}), {@code case <id>} or {@code team case TC-n} when a
         * case did; empty when nothing did ({@code unknown} below the threshold).
         */
        public Optional<String> decider() {
            return switch (decision.decidedBy()) {
                case "rules", "rules and cases" -> verdict.decidingRule();
                case "cases" -> vote.closestFor(decision.mode()).map(n -> "case " + n.labelledCase().id());
                case "team case" -> vote.closestFor(decision.mode()).map(n -> "team case " + n.labelledCase().id());
                default -> Optional.empty();
            };
        }
    }
}
