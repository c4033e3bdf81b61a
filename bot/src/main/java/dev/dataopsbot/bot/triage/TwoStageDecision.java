package dev.dataopsbot.bot.triage;

import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.rules.Verdict;

/**
 * How the rules (stage 1) and the nearest cases (stage 2) combine into one answer.
 * <ol>
 *   <li>A team case that near-duplicates the alert ({@code NearestCases.NEAR_DUPLICATE}) wins
 *       over a rule below {@link #CONFIDENT_RULE}, and over any rule when it is very close
 *       ({@link #TEAM_OVERRIDES_ANY}): the team said so about this very message.</li>
 *   <li>Otherwise a rule's answer stands; bundled cases that agree raise its confidence, cases
 *       that disagree only explain. (Letting a strong vote replace a weak rule gained under one
 *       point in cross-validation and cost right answers on the regression corpora.)</li>
 *   <li>When the rules are silent, the vote decides if it clears {@link #THRESHOLD}.</li>
 *   <li>Precedence applies to both: the cases never pick a mode the rules ruled out as a
 *       symptom, and a message the rules read as a recovery, a success or an all-clear report stays
 *       {@code unknown}.</li>
 *   <li>Rule evidence too weak to name a mode alone and a vote for the same mode add up
 *       (noisy-or).</li>
 *   <li>A team case labelled {@code unknown} (the team said "this is no incident") counts the same
 *       way: a near-duplicate of it stays {@code unknown}.</li>
 *   <li>Whatever decided, below {@link #THRESHOLD} the answer is {@code unknown}; that includes a
 *       rule answer whose confidence fell under it because another mode came close.</li>
 * </ol>
 */
public final class TwoStageDecision {

    /** The one threshold on every path (CLI, Slack, webhook): below it the answer is {@code unknown}. */
    public static final double THRESHOLD = 0.5;
    public static final double CONFIDENT_RULE = 0.85;
    public static final double TEAM_OVERRIDES_ANY = 0.8;

    /** The outcome: mode, confidence and which stage decided ({@code rules}, {@code cases}, {@code team case}). */
    public record Decision(String mode, double confidence, String decidedBy) {

        /** One sentence for people: why this stage decided. */
        public String reason(CaseVote cases) {
            return switch (decidedBy) {
                case "team case" -> cases.closestFor(mode).map(n -> "the team's case " + n.labelledCase().id() + " ("
                        + n.labelledCase().source() + ") is a near-duplicate of this alert (similarity "
                        + n.similarity() + ")").orElse("a team case decided");
                case "cases" -> cases.closestFor(mode).map(n -> "no rule named a mode; the nearest cases vote "
                        + mode + ", closest " + n.labelledCase().id() + " (similarity " + n.similarity() + ")")
                        .orElse("the nearest cases decided");
                case "rules and cases" -> "weak rule evidence and the nearest cases agree on " + mode;
                case "below threshold" -> "nothing reached the " + THRESHOLD + " confidence needed to name a mode";
                case "nothing recognised" -> "no rule, error code or similar case recognised this text";
                default -> "the rules decided";
            };
        }
    }

    public Decision decide(Verdict rules, CaseVote cases) {
        String unknown = "unknown";
        boolean ruled = !rules.failureMode().equals(unknown);
        boolean usable = !cases.mode().equals(unknown) && !rules.demoted().contains(cases.mode()) && !rules.notAFailure();
        if (cases.teamCase() && cases.mode().equals(unknown) && !cases.neighbours().isEmpty()
                && (!ruled || rules.confidence() < CONFIDENT_RULE || cases.neighbours().get(0).similarity() >= TEAM_OVERRIDES_ANY)) {
            return new Decision(unknown, cases.confidence(), "team case");
        }
        if (cases.teamCase() && usable) {
            double closest = cases.neighbours().get(0).similarity();
            if (!ruled || rules.confidence() < CONFIDENT_RULE || closest >= TEAM_OVERRIDES_ANY
                    || rules.failureMode().equals(cases.mode())) {
                return new Decision(cases.mode(), Math.max(cases.confidence(), agreeing(rules, cases)), "team case");
            }
        }
        if (ruled) {
            double confidence = cases.mode().equals(rules.failureMode())
                    ? Math.max(rules.confidence(), agreeing(rules, cases)) : rules.confidence();
            if (confidence < THRESHOLD) {
                // two modes nearly tied: the rules named one, but not with the confidence asked of every answer
                return new Decision(unknown, 1 - confidence, "below threshold");
            }
            return new Decision(rules.failureMode(), confidence, "rules");
        }
        if (usable && cases.confidence() >= THRESHOLD) {
            return new Decision(cases.mode(), cases.confidence(), "cases");
        }
        if (usable && rules.secondary().contains(cases.mode())) {
            // rule evidence too weak alone (its best score is 1 - the unknown's confidence) plus a vote
            double weakRule = rules.secondary().get(0).equals(cases.mode()) ? 1 - rules.confidence() : 0.3;
            double both = 1 - (1 - weakRule) * (1 - cases.confidence());
            if (both >= THRESHOLD) {
                return new Decision(cases.mode(), Math.round(both * 100) / 100.0, "rules and cases");
            }
        }
        return new Decision(unknown, rules.confidence(), rules.evidence().isEmpty() && cases.neighbours().isEmpty()
                ? "nothing recognised" : "below threshold");
    }

    /** Two independent voices for the same mode: noisy-or, the cases counted at half weight. */
    private static double agreeing(Verdict rules, CaseVote cases) {
        double r = rules.failureMode().equals(cases.mode()) ? rules.confidence() : 0;
        return Math.round((1 - (1 - r) * (1 - cases.confidence() / 2)) * 100) / 100.0;
    }
}
