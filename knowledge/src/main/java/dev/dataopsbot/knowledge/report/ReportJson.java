package dev.dataopsbot.knowledge.report;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * The report as JSON for scripts and dashboards: snake_case fields, times as UTC strings
 * ({@code 2026-11-25T04:30:00.000Z}), durations as whole seconds (truncated) in fields ending
 * {@code _seconds}, null when unknown; a rule's precision as a fraction rounded to three decimals,
 * null when nobody confirmed or corrected its decisions. Lists keep the report's order; the rules
 * are all listed (the text shows the worst few).
 */
public final class ReportJson {

    private final ObjectMapper mapper;

    public ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode render(ReliabilityReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("window").put("spec", report.window().spec())
                .put("since", time(report.window().since()))
                .put("until", time(report.window().until()));
        ReportTotals totals = report.totals();
        ObjectNode totalsNode = root.putObject("totals").put("incidents", totals.incidents())
                .put("unresolved", totals.unresolved())
                .put("closed_by_source_unacknowledged", totals.closedUnacknowledged()).put("alerts", totals.alerts());
        stats(totalsNode.putObject("time_to_acknowledge"), totals.timeToAcknowledge());
        stats(totalsNode.putObject("time_to_resolve"), totals.timeToResolve());

        ArrayNode modes = root.putArray("failure_modes");
        for (FailureModeStats mode : report.failureModes()) {
            ObjectNode node = modes.addObject().put("failure_mode", mode.failureMode())
                    .put("incidents", mode.incidents()).put("unresolved", mode.unresolved())
                    .put("closed_by_source_unacknowledged", mode.closedUnacknowledged());
            stats(node.putObject("time_to_acknowledge"), mode.timeToAcknowledge());
            stats(node.putObject("time_to_resolve"), mode.timeToResolve());
        }

        ArrayNode rules = root.putArray("rules");
        for (RulePrecision rule : report.rules()) {
            ObjectNode node = rules.addObject().put("rule", rule.rule()).put("decided", rule.decided())
                    .put("confirmed_right", rule.confirmedRight()).put("confirmed_wrong", rule.confirmedWrong());
            if (rule.precision().isPresent()) {
                node.put("precision", Math.round(rule.precision().getAsDouble() * 1000) / 1000.0);
            } else {
                node.putNull("precision");
            }
        }

        ArrayNode fingerprints = root.putArray("noisiest_fingerprints");
        for (NoisyFingerprint fingerprint : report.noisiestFingerprints()) {
            fingerprints.addObject().put("fingerprint", fingerprint.fingerprint())
                    .put("incidents", fingerprint.incidents()).put("alerts", fingerprint.alerts())
                    .put("last_seen", fingerprint.lastSeen() == null ? null : time(fingerprint.lastSeen()));
        }

        ObjectNode open = root.putObject("open_incidents").put("total", report.openTotal());
        ArrayNode openList = open.putArray("incidents");
        for (OpenIncident incident : report.open()) {
            ObjectNode node = openList.addObject().put("key", incident.key().toString()).put("title", incident.title())
                    .put("failure_mode", incident.failureMode()).put("severity", incident.severity())
                    .put("status", incident.status().id()).put("detected_at", time(incident.detectedAt()));
            seconds(node, "age_seconds", incident.age());
        }

        ObjectNode severe = root.putObject("sev1_sev2_incidents").put("total", report.severeTotal());
        ArrayNode severeList = severe.putArray("incidents");
        for (SevereIncident incident : report.severe()) {
            ObjectNode node = severeList.addObject().put("key", incident.key().toString())
                    .put("severity", incident.severity()).put("title", incident.title())
                    .put("status", incident.status().id()).put("detected_at", time(incident.detectedAt()));
            seconds(node, "time_to_resolve_seconds", incident.timeToResolve());
        }
        return root;
    }

    private static void stats(ObjectNode node, DurationStats stats) {
        node.put("measured", stats.measured());
        seconds(node, "median_seconds", stats.median());
        seconds(node, "p90_seconds", stats.p90());
    }

    private static void seconds(ObjectNode node, String field, Duration duration) {
        if (duration == null) {
            node.putNull(field);
        } else {
            node.put(field, duration.getSeconds());
        }
    }

    private static String time(Instant instant) {
        return UtcTimestamps.format(instant);
    }
}
