package dev.dataopsbot.bot.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dataopsbot.knowledge.report.TextTable;

/** The backtest for people: like a diff, the changes first, grouped as before → after. */
public final class BacktestText {

    /** Changes listed per group; the JSON lists all. */
    static final int MAX_LISTED = 20;

    public String render(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Backtest of ").append(report.candidate()).append(", pack ").append(report.candidateHash()).append('\n');
        out.append("  against: ").append(report.baseline())
                .append(report.baselineHash() == null ? "" : ", pack " + report.baselineHash()).append('\n');
        out.append("  alerts:  ").append(report.alertsFrom()).append('\n');
        if (report.alerts() == 0) {
            out.append("\nNo alerts to replay, so nothing can change.\n");
            return out.toString();
        }
        changes(report, out);
        redecided(report, out);
        confirmed(report, out);
        out.append("\nUnknown: before ").append(share(report.unknownBefore(), report.alerts()))
                .append(", after ").append(share(report.unknownAfter(), report.alerts())).append('\n');
        firings(report, out);
        out.append("\nRules of the candidate that never fired: ").append(report.neverFired().size()).append('\n');
        report.neverFired().forEach(rule -> out.append("  ").append(rule).append('\n'));
        return out.toString();
    }

    private static void changes(BacktestReport report, StringBuilder out) {
        out.append("\nChanged: ").append(report.changed().size()).append(" of ").append(report.alerts()).append(" alerts\n");
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        report.changed().stream()
                .sorted(Comparator.comparing((Change c) -> c.before().mode()).thenComparing(c -> c.after().mode()))
                .forEach(c -> groups.computeIfAbsent(c.before().mode() + " → " + c.after().mode(), k -> new ArrayList<>()).add(c));
        groups.forEach((group, changes) -> {
            out.append("  ").append(group).append(": ").append(changes.size()).append('\n');
            changes.stream().limit(MAX_LISTED).forEach(c -> out.append("    ").append(c.id()).append("  rule before: ")
                    .append(decider(c.before())).append("; after: ").append(decider(c.after())).append('\n'));
            if (changes.size() > MAX_LISTED) {
                out.append("    … and ").append(changes.size() - MAX_LISTED).append(" more (--json lists all)\n");
            }
        });
    }

    private static void redecided(BacktestReport report, StringBuilder out) {
        if (report.redecided().isEmpty()) {
            return;
        }
        out.append("\nSame mode, decided by another rule: ").append(report.redecided().size()).append('\n');
        report.redecided().stream().limit(MAX_LISTED).forEach(c -> out.append("    ").append(c.id()).append("  ")
                .append(c.after().mode()).append("  rule before: ").append(decider(c.before())).append("; after: ")
                .append(decider(c.after())).append('\n'));
        if (report.redecided().size() > MAX_LISTED) {
            out.append("    … and ").append(report.redecided().size() - MAX_LISTED).append(" more (--json lists all)\n");
        }
    }

    private static void confirmed(BacktestReport report, StringBuilder out) {
        int n = report.confirmedCount();
        if (n == 0) {
            out.append("\nConfirmed by people: none, so no accuracy (give feedback on incidents, or backtest a labelled case file)\n");
            return;
        }
        out.append("\nConfirmed by people: ").append(n).append(n == 1 ? " alert" : " alerts").append("; accuracy before ")
                .append(share(report.confirmedRightBefore(), n)).append(", after ").append(share(report.confirmedRightAfter(), n))
                .append('\n');
        TextTable table = new TextTable("MODE", ">CONFIRMED", ">RIGHT BEFORE", ">RIGHT AFTER");
        report.confirmed().forEach(m -> table.row(m.mode(), String.valueOf(m.confirmed()), String.valueOf(m.before()),
                String.valueOf(m.after())));
        table.appendTo(out);
    }

    private static void firings(BacktestReport report, StringBuilder out) {
        List<RuleFiring> differing = report.firings().stream()
                .filter(f -> f.before().isEmpty() || f.before().getAsInt() != f.after()).toList();
        if (report.baselineHash() == null) {
            out.append("\nRules that fired (alerts each fired on; the recorded decisions keep no rule counts): ")
                    .append(differing.size()).append('\n');
        } else {
            out.append("\nRules that fire differently (alerts each fired on): ").append(differing.size())
                    .append(", the other ").append(report.firings().size() - differing.size()).append(" as before\n");
        }
        if (differing.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("RULE", ">BEFORE", ">AFTER");
        differing.forEach(f -> table.row(f.rule(), f.before().isPresent() ? String.valueOf(f.before().getAsInt()) : "-",
                String.valueOf(f.after())));
        table.appendTo(out);
    }

    private static String decider(Outcome outcome) {
        return outcome.decider() == null ? "none" : outcome.decider();
    }

    private static String share(int part, int whole) {
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", part, whole, whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
