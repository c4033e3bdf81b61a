package dev.dataopsbot.bot.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentMetrics;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/** Incidents as JSON for {@code incidents --json} and {@code incident show --json}: snake_case, UTC times, seconds. */
public final class IncidentJson {

    private final ObjectMapper mapper;

    public IncidentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode list(List<Incident> incidents) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode array = out.putArray("incidents");
        incidents.forEach(i -> array.add(incident(i)));
        return out;
    }

    public ObjectNode show(IncidentHistory history) {
        ObjectNode out = incident(history.incident());
        ArrayNode events = out.putArray("timeline");
        for (TimelineEvent e : history.timeline()) {
            ObjectNode event = events.addObject();
            event.put("id", e.id());
            event.put("at", UtcTimestamps.format(e.at()));
            event.put("kind", e.kind().id());
            event.put("actor", e.actor());
            event.put("text", e.text());
            event.set("detail", e.detail());
        }
        ArrayNode alertArray = out.putArray("alerts");
        for (StoredAlert a : history.alerts()) {
            ObjectNode alert = alertArray.addObject();
            alert.put("id", a.id());
            alert.put("received_at", UtcTimestamps.format(a.receivedAt()));
            alert.put("source", a.source());
            alert.put("text", a.text());
            alert.set("fields", a.fields());
        }
        return out;
    }

    public ObjectNode incident(Incident i) {
        ObjectNode node = mapper.createObjectNode();
        node.put("key", i.key().toString());
        node.put("title", i.title());
        node.put("failure_mode", i.failureMode());
        node.put("decided_rule", i.decidedRule());
        node.put("rule_pack", i.rulePack());
        node.put("confirmed", i.confirmed());
        node.put("confirmed_mode", i.confirmedMode());
        node.put("severity", i.severity());
        node.put("status", i.status().id());
        node.put("fingerprint", i.fingerprint());
        ObjectNode source = node.putObject("source");
        source.put("system", i.source().system());
        source.put("dag_id", i.source().dagId());
        source.put("task_id", i.source().taskId());
        source.put("model", i.source().model());
        source.put("table", i.source().table());
        node.put("channel", i.channel());
        node.put("thread_ts", i.threadTs());
        node.put("alert_count", i.alertCount());
        node.put("follows", i.linkedTo() == null ? null : i.linkedTo().toString());
        time(node, "impact_started_at", i.impactStartedAt());
        time(node, "detected_at", i.detectedAt());
        time(node, "acknowledged_at", i.acknowledgedAt());
        time(node, "mitigated_at", i.mitigatedAt());
        time(node, "resolved_at", i.resolvedAt());
        IncidentMetrics m = i.metrics();
        ObjectNode metrics = node.putObject("metrics");
        seconds(metrics, "time_to_detect_seconds", m.timeToDetect());
        seconds(metrics, "time_to_acknowledge_seconds", m.timeToAcknowledge());
        seconds(metrics, "time_to_mitigate_seconds", m.timeToMitigate());
        seconds(metrics, "time_to_resolve_seconds", m.timeToResolve());
        return node;
    }

    private static void time(ObjectNode node, String field, Instant at) {
        node.put(field, at == null ? null : UtcTimestamps.format(at));
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> duration) {
        if (duration.isPresent()) {
            node.put(field, duration.get().toMillis() / 1000.0);
        } else {
            node.putNull(field);
        }
    }
}
