package dev.dataopsbot.bot.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The backtest as JSON: {@code alerts}, {@code changed[]}, {@code confirmed{before, after}},
 * {@code rules[]}, {@code never_fired[]}, as issue 14 and docs/architecture.md give them.
 */
public final class BacktestJson {

    private final ObjectMapper mapper;

    public BacktestJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode render(BacktestReport report, boolean fromCases) {
        ObjectNode out = mapper.createObjectNode();
        out.put("alerts", report.alerts());
        out.put("alerts_from", report.alertsFrom());
        out.put("candidate", report.candidate());
        out.put("candidate_pack", report.candidateHash());
        out.put("baseline", report.baseline());
        out.put("baseline_pack", report.baselineHash());
        ArrayNode changed = out.putArray("changed");
        for (Change c : report.changed()) {
            changed.addObject().put(fromCases ? "case" : "incident", c.id()).put("before", c.before().mode())
                    .put("after", c.after().mode()).put("rule_before", c.before().decider()).put("rule_after", c.after().decider());
        }
        ArrayNode redecided = out.putArray("redecided");
        for (Change c : report.redecided()) {
            redecided.addObject().put(fromCases ? "case" : "incident", c.id()).put("mode", c.after().mode())
                    .put("rule_before", c.before().decider()).put("rule_after", c.after().decider());
        }
        ObjectNode confirmed = out.putObject("confirmed");
        int n = report.confirmedCount();
        confirmed.put("alerts", n);
        side(confirmed.putObject("before"), n, report.confirmedRightBefore());
        side(confirmed.putObject("after"), n, report.confirmedRightAfter());
        ArrayNode modes = confirmed.putArray("by_mode");
        report.confirmed().forEach(m -> modes.addObject().put("mode", m.mode()).put("confirmed", m.confirmed())
                .put("right_before", m.before()).put("right_after", m.after()));
        ObjectNode unknown = out.putObject("unknown");
        unknown.put("before", report.unknownBefore()).put("after", report.unknownAfter());
        ArrayNode rules = out.putArray("rules");
        for (RuleFiring f : report.firings()) {
            ObjectNode rule = rules.addObject().put("rule", f.rule());
            if (f.before().isPresent()) {
                rule.put("fired_before", f.before().getAsInt());
            } else {
                rule.putNull("fired_before");
            }
            rule.put("fired_after", f.after());
        }
        ArrayNode never = out.putArray("never_fired");
        report.neverFired().forEach(never::add);
        return out;
    }

    private static void side(ObjectNode side, int confirmed, int right) {
        side.put("right", right);
        if (confirmed == 0) {
            side.putNull("accuracy");
        } else {
            side.put("accuracy", Math.round(10_000.0 * right / confirmed) / 10_000.0);
        }
    }
}
