package dev.dataopsbot.bot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.knowledge.cases.LabelledCase;
import dev.dataopsbot.knowledge.cases.Neighbour;
import dev.dataopsbot.rules.Verdict;
import org.junit.jupiter.api.Test;

/** Each branch of how the rules and the nearest cases combine. */
class TwoStageDecisionTest {

    private final TwoStageDecision decision = new TwoStageDecision();

    private static Verdict rules(String mode, double confidence, List<String> secondary, Set<String> demoted,
                                 boolean notAFailure) {
        return new Verdict(mode, confidence, secondary, List.of(), "SEV3", "", "after_fix", "a reason", Map.of(), List.of(),
                demoted, notAFailure);
    }

    private static Verdict rules(String mode, double confidence) {
        return rules(mode, confidence, List.of(), Set.of(), false);
    }

    private static CaseVote vote(String mode, double confidence, boolean team, double similarity) {
        LabelledCase c = new LabelledCase(team ? "TC-1" : "airflow-001", "airflow", "orchestrator", mode, "text",
                team ? "corrected by U1 on INC-1" : "https://example.com", team);
        return new CaseVote(mode, confidence, List.of(new Neighbour(c, similarity, "line")), team);
    }

    @Test
    void silent_rules_let_a_confident_vote_decide() {
        var d = decision.decide(rules("unknown", 1.0), vote("config_error", 0.7, false, 0.5));
        assertEquals(new TwoStageDecision.Decision("config_error", 0.7, "cases"), d);
    }

    @Test
    void a_loose_vote_stays_unknown() {
        var d = decision.decide(rules("unknown", 1.0), vote("config_error", 0.3, false, 0.3));
        assertEquals("unknown", d.mode());
        assertEquals("below threshold", d.decidedBy());
    }

    @Test
    void a_rule_stands_against_bundled_cases_and_agreeing_cases_raise_its_confidence() {
        assertEquals(new TwoStageDecision.Decision("timeout", 0.6, "rules"),
                decision.decide(rules("timeout", 0.6), vote("config_error", 0.95, false, 0.9)));
        assertEquals(new TwoStageDecision.Decision("timeout", 0.78, "rules"), // 1 - 0.4 × (1 - 0.9 / 2)
                decision.decide(rules("timeout", 0.6), vote("timeout", 0.9, false, 0.9)));
    }

    @Test
    void a_team_near_duplicate_beats_a_weak_rule_and_a_very_close_one_beats_any_rule() {
        assertEquals("config_error", decision.decide(rules("timeout", 0.6), vote("config_error", 0.8, true, 0.65)).mode());
        assertEquals("timeout", decision.decide(rules("timeout", 0.9), vote("config_error", 0.8, true, 0.65)).mode(),
                "a confident rule stands against a team case that is only near");
        var d = decision.decide(rules("timeout", 0.9), vote("config_error", 0.9, true, 0.85));
        assertEquals("config_error", d.mode());
        assertEquals("team case", d.decidedBy());
        assertEquals(true, d.reason(vote("config_error", 0.9, true, 0.85)).contains("corrected by U1 on INC-1"));
    }

    @Test
    void precedence_applies_to_the_cases_too() {
        assertEquals("unknown", decision.decide(rules("unknown", 1.0, List.of(), Set.of("rate_limit"), false),
                vote("rate_limit", 0.9, false, 0.8)).mode(), "a demoted symptom is not picked by the cases");
        assertEquals("unknown", decision.decide(rules("unknown", 1.0, List.of(), Set.of(), true),
                vote("timeout", 0.9, true, 0.9)).mode(), "a recovery or success stays unknown, even for a team case");
    }

    @Test
    void weak_rule_evidence_and_a_weak_vote_for_the_same_mode_add_up() {
        var d = decision.decide(rules("unknown", 0.6, List.of("timeout"), Set.of(), false), vote("timeout", 0.35, false, 0.4));
        assertEquals("timeout", d.mode());
        assertEquals("rules and cases", d.decidedBy());
        assertEquals(0.61, d.confidence(), 0.001);
    }
}
