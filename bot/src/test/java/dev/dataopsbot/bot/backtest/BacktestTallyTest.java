package dev.dataopsbot.bot.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BacktestTallyTest {

    private static ReplayResult result(String id, String confirmed, Outcome before, Outcome after, Set<String> firedBefore,
                                       Set<String> firedAfter) {
        return new ReplayResult(new ReplayedAlert(id, "cli", "text", Optional.empty(), confirmed, Set.of()), before, after,
                firedBefore, firedAfter);
    }

    private static BacktestReport sample() {
        BacktestTally tally = new BacktestTally(true);
        tally.add(result("INC-1", null, new Outcome("rate_limit", "rate_limit: a"), new Outcome("unknown", null),
                Set.of("rate_limit: a", "taxonomy: rate_limit"), Set.of("taxonomy: unknown")));
        tally.add(result("INC-2", "rate_limit", new Outcome("rate_limit", "rate_limit: a"),
                new Outcome("rate_limit", "catalogue http-status: 429"),
                Set.of("rate_limit: a", "catalogue http-status: 429"), Set.of("catalogue http-status: 429")));
        tally.add(result("INC-3", "timeout", new Outcome("timeout", "timeout: t"), new Outcome("timeout", "timeout: t"),
                Set.of("timeout: t"), Set.of("timeout: t")));
        tally.add(result("INC-4", "timeout", new Outcome("unknown", null), new Outcome("timeout", "case c-1"), Set.of(), Set.of()));
        return tally.report("here", "bundled now", "candidate", "bbbbbbbbbbbb", "aaaaaaaaaaaa",
                List.of("timeout: t", "timeout: never", "taxonomy: unknown"));
    }

    @Test
    void changes_redecisions_accuracy_and_unknowns_add_up() {
        BacktestReport report = sample();
        assertEquals(4, report.alerts());
        assertEquals(List.of("INC-1", "INC-4"), report.changed().stream().map(Change::id).toList());
        assertEquals(List.of("INC-2"), report.redecided().stream().map(Change::id).toList(), "same mode, another decider");
        assertEquals(3, report.confirmedCount());
        assertEquals(2, report.confirmedRightBefore(), "INC-2 and INC-3");
        assertEquals(3, report.confirmedRightAfter(), "INC-4 now right too");
        assertEquals(new ModeAccuracy("timeout", 2, 1, 2), report.confirmed().get(1));
        assertEquals(1, report.unknownBefore());
        assertEquals(1, report.unknownAfter());
    }

    @Test
    void rules_that_fire_differently_come_first_and_the_candidates_silent_rules_are_listed() {
        BacktestReport report = sample();
        assertEquals(new RuleFiring("rate_limit: a", OptionalInt.of(2), 0), report.firings().get(0));
        RuleFiring same = report.firings().get(report.firings().size() - 1);
        assertEquals(same.before().getAsInt(), same.after(), same.toString());
        assertEquals(List.of("timeout: never"), report.neverFired());
    }

    @Test
    void the_text_reads_like_a_diff_and_cuts_long_groups() {
        BacktestTally tally = new BacktestTally(false);
        for (int i = 1; i <= BacktestText.MAX_LISTED + 3; i++) {
            tally.add(result("INC-" + i, null, new Outcome("rate_limit", "rate_limit: a"), new Outcome("unknown", null),
                    Set.of(), Set.of()));
        }
        String text = new BacktestText().render(tally.report("./data: 23 stored incidents", "the decisions recorded",
                "my-rules", "bbbbbbbbbbbb", null, List.of()));
        assertTrue(text.contains("Changed: 23 of 23 alerts\n  rate_limit → unknown: 23\n    INC-1  rule before: rate_limit: a; after: none\n"), text);
        assertTrue(text.contains("… and 3 more (--json lists all)"), text);
        assertTrue(text.contains("Confirmed by people: none"), text);
        assertTrue(text.contains("the recorded decisions keep no rule counts"), text);
    }

    @Test
    void nothing_to_replay_is_said_plainly() {
        String text = new BacktestText().render(new BacktestTally(true).report("./data: 0 stored incidents", "b", "c",
                "bbbbbbbbbbbb", "aaaaaaaaaaaa", List.of("x")));
        assertTrue(text.contains("No alerts to replay"), text);
    }
}
