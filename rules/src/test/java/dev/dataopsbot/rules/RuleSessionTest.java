package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleSessionTest {

    private static final Alert TIER_ONE_DEADLOCK = Alert.of("test", """
            dataset: finance.revenue_daily (tier 1)
            ERROR: deadlock detected
            DETAIL: Process 4242 waits for ShareLock on transaction 998; blocked by process 4343.
            """);

    @Test
    void a_session_decided_as_another_mode_takes_that_modes_advice_and_keeps_the_rules_answer_as_secondary() {
        try (RuleSession session = Classifiers.bundled().open(TIER_ONE_DEADLOCK)) {
            Verdict rules = session.verdict();
            assertEquals("lock_contention", rules.failureMode());

            Verdict decided = session.decidedAs("rate_limit", 0.7);

            assertEquals("rate_limit", decided.failureMode());
            assertEquals(0.7, decided.confidence());
            assertEquals("yes", decided.safeToRetry(), "rate_limit's own re-run advice");
            assertEquals("SEV2", decided.severity(), "the tier 1 line still raises severity");
            assertEquals("lock_contention", decided.secondary().get(0));
            assertEquals(rules.evidence(), decided.evidence());
            assertEquals(rules, session.verdict(), "asking again changes nothing");
        }
    }

    @Test
    void a_session_gives_the_same_verdict_as_classify() {
        Verdict classified = Classifiers.bundled().classify(TIER_ONE_DEADLOCK);
        try (RuleSession session = Classifiers.bundled().open(TIER_ONE_DEADLOCK)) {
            Verdict verdict = session.verdict();
            assertEquals(classified.failureMode(), verdict.failureMode());
            assertEquals(classified.severity(), verdict.severity());
            assertEquals(classified.evidence().stream().map(Evidence::getRule).toList(),
                    verdict.evidence().stream().map(Evidence::getRule).toList());
            assertTrue(List.of("SEV1", "SEV2").contains(verdict.severity()), verdict.severity());
        }
    }
}
