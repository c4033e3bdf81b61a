package dev.dataopsbot.knowledge.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.dataopsbot.knowledge.incident.DurationText;

/**
 * The report as plain text for a terminal: a heading, totals, then one aligned table per
 * section. Times are UTC to the minute, durations as {@link DurationText} writes them, long
 * titles, rule names and fingerprints are shortened (the JSON has them whole). The Rules section
 * lists at most {@link #MAX_RULES} rules unless told otherwise; Slack asks for the few least
 * precise ones that people confirmed or corrected.
 */
public final class ReportText {

    private static final String NONE = "—";

    /** How many rules the Rules section lists by default; the JSON lists all. */
    public static final int MAX_RULES = 20;
    static final int MAX_TITLE_CHARS = 60;
    static final int MAX_FINGERPRINT_CHARS = 80;
    static final int MAX_RULE_CHARS = 70;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private final int maxRules;
    private final boolean confirmedOnly;

    /** The whole report, its Rules section cut at {@link #MAX_RULES} rows. */
    public ReportText() {
        this(MAX_RULES, false);
    }

    /**
     * @param maxRules      how many rules the Rules section lists at most
     * @param confirmedOnly true to list only the rules whose decisions people confirmed or corrected,
     *                      least precise first, and nothing else of that section
     */
    public ReportText(int maxRules, boolean confirmedOnly) {
        if (maxRules < 0) {
            throw new IllegalArgumentException("the number of rules shown cannot be negative: " + maxRules);
        }
        this.maxRules = maxRules;
        this.confirmedOnly = confirmedOnly;
    }

    public String render(ReliabilityReport report) {
        StringBuilder out = new StringBuilder();
        ReportWindow window = report.window();
        out.append("Reliability report (").append(window.spec()).append("): ").append(time(window.since()))
                .append(" to ").append(time(window.until())).append("\n\n");
        totals(out, report);
        failureModes(out, report);
        rules(out, report);
        noisiest(out, report);
        open(out, report);
        severe(out, report);
        return out.toString();
    }

    private static void totals(StringBuilder out, ReliabilityReport report) {
        ReportTotals totals = report.totals();
        if (totals.incidents() == 0) {
            out.append("No incidents since ").append(time(report.window().since())).append('.');
            if (totals.alerts() > 0) {
                out.append(' ').append(count(totals.alerts(), "alert")).append(" on earlier incidents.");
            }
            out.append('\n');
            return;
        }
        out.append(count(totals.incidents(), "incident")).append(" (").append(number(totals.unresolved()))
                .append(" unresolved), ").append(count(totals.alerts(), "alert")).append('\n');
        stats(out, "Time to acknowledge: ", totals.timeToAcknowledge());
        stats(out, "Time to resolve:     ", totals.timeToResolve());
        if (totals.closedUnacknowledged() > 0) {
            out.append("Closed by the source, never acknowledged: ").append(count(totals.closedUnacknowledged(), "incident"))
                    .append(" (not in time to acknowledge)\n");
        }
    }

    private static void stats(StringBuilder out, String label, DurationStats stats) {
        out.append(label);
        if (stats.measured() == 0) {
            out.append(NONE).append(" (none yet)\n");
        } else {
            out.append("median ").append(duration(stats.median())).append(", p90 ")
                    .append(duration(stats.p90())).append(" (over ").append(number(stats.measured()))
                    .append(")\n");
        }
    }

    private static void failureModes(StringBuilder out, ReliabilityReport report) {
        if (report.failureModes().isEmpty()) {
            return;
        }
        out.append("\nBy failure mode (TTA: time to acknowledge, by a person; TTR: time to resolve; p90 by nearest rank;"
                + " SOURCE-CLOSED: closed by the source, never acknowledged)\n");
        TextTable table = new TextTable("FAILURE MODE", ">INCIDENTS", ">UNRESOLVED", ">SOURCE-CLOSED", ">TTA MEDIAN",
                ">TTA P90", ">TTR MEDIAN", ">TTR P90");
        for (FailureModeStats mode : report.failureModes()) {
            table.row(mode.failureMode(), number(mode.incidents()), number(mode.unresolved()),
                    number(mode.closedUnacknowledged()),
                    duration(mode.timeToAcknowledge().median()),
                    duration(mode.timeToAcknowledge().p90()),
                    duration(mode.timeToResolve().median()),
                    duration(mode.timeToResolve().p90()));
        }
        table.appendTo(out);
    }

    private void rules(StringBuilder out, ReliabilityReport report) {
        if (report.totals().incidents() == 0) {
            return;
        }
        List<RulePrecision> rules = confirmedOnly
                ? report.rules().stream().filter(RulePrecision::hasConfirmations).toList() : report.rules();
        if (rules.isEmpty()) {
            out.append(confirmedOnly ? "\nRules: feedback has confirmed or corrected no rule's decision in this window\n"
                    : "\nRules: no incident in this window records the rule that decided it\n");
            return;
        }
        out.append(confirmedOnly
                ? "\nLeast precise rules (of those whose decisions feedback confirmed or corrected)\n"
                : "\nRules (what decided each incident; RIGHT, WRONG: the latest feedback on its decisions; worst first)\n");
        TextTable table = new TextTable("RULE", ">DECIDED", ">RIGHT", ">WRONG", ">PRECISION");
        for (RulePrecision rule : rules.subList(0, Math.min(maxRules, rules.size()))) {
            table.row(shorten(rule.rule(), MAX_RULE_CHARS), number(rule.decided()), number(rule.confirmedRight()),
                    number(rule.confirmedWrong()), percent(rule));
        }
        table.appendTo(out);
        if (!confirmedOnly && rules.size() > maxRules) {
            out.append("  … ").append(count(rules.size() - maxRules, "more rule")).append(" (report --json lists all)\n");
        }
    }

    /** Whole percent; never 100% with a wrong decision nor 0% with a right one. */
    static String percent(RulePrecision rule) {
        if (rule.precision().isEmpty()) {
            return "-";
        }
        long percent = Math.round(rule.precision().getAsDouble() * 100);
        if (rule.confirmedWrong() > 0) {
            percent = Math.min(99, percent);
        }
        if (rule.confirmedRight() > 0) {
            percent = Math.max(1, percent);
        }
        return percent + "%";
    }

    private static void noisiest(StringBuilder out, ReliabilityReport report) {
        if (report.noisiestFingerprints().isEmpty()) {
            return;
        }
        out.append("\nNoisiest alerts (top ").append(ReportBuilder.NOISIEST_LIMIT).append(" fingerprints by alerts)\n");
        TextTable table = new TextTable(">ALERTS", ">INCIDENTS", "LAST SEEN", "FINGERPRINT");
        for (NoisyFingerprint fingerprint : report.noisiestFingerprints()) {
            table.row(number(fingerprint.alerts()), number(fingerprint.incidents()), time(fingerprint.lastSeen()),
                    shorten(fingerprint.fingerprint(), MAX_FINGERPRINT_CHARS));
        }
        table.appendTo(out);
    }

    private static void open(StringBuilder out, ReliabilityReport report) {
        out.append("\nOpen incidents: ");
        if (report.openTotal() == 0) {
            out.append("none\n");
            return;
        }
        out.append(number(report.openTotal()));
        out.append(report.open().size() < report.openTotal()
                ? " (oldest " + number(report.open().size()) + " shown)\n" : " (oldest first)\n");
        if (report.open().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("KEY", ">AGE", "STATUS", "SEVERITY", "FAILURE MODE", "TITLE");
        for (OpenIncident incident : report.open()) {
            table.row(incident.key().toString(), duration(incident.age()), incident.status().id(),
                    incident.severity(), incident.failureMode(), shorten(incident.title(), MAX_TITLE_CHARS));
        }
        table.appendTo(out);
    }

    private static void severe(StringBuilder out, ReliabilityReport report) {
        out.append("\nSEV1/SEV2 incidents: ");
        if (report.severeTotal() == 0) {
            out.append("none\n");
            return;
        }
        out.append(number(report.severeTotal()));
        out.append(report.severe().size() < report.severeTotal()
                ? " (newest " + number(report.severe().size()) + " shown)\n" : "\n");
        if (report.severe().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("KEY", "SEVERITY", "DETECTED", "STATUS", ">TTR", "TITLE");
        for (SevereIncident incident : report.severe()) {
            table.row(incident.key().toString(), incident.severity(), time(incident.detectedAt()),
                    incident.status().id(), duration(incident.timeToResolve()),
                    shorten(incident.title(), MAX_TITLE_CHARS));
        }
        table.appendTo(out);
    }

    private static String time(Instant instant) {
        return instant == null ? NONE : MINUTE.format(instant);
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(int n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** One line, at most {@code max} characters, an ellipsis where it was cut. */
    static String shorten(String text, int max) {
        String line = WHITESPACE.matcher(text == null ? "" : text).replaceAll(" ").strip();
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String duration(Duration duration) {
        return duration == null ? NONE : DurationText.of(duration);
    }
}
