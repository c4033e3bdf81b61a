package dev.dataopsbot.bot.incident;

import java.util.Map;

import dev.dataopsbot.knowledge.incident.LogLinePrefix;
import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.Verdict;

/**
 * The one-line title of a new incident: the incident, not a log line. The failure mode, the
 * system, then what failed: the alert's name when the source gave one (Alertmanager, Grafana) and
 * the pipeline object (DAG and task, model, table, test, topic), e.g.
 * {@code credential_expiry in snowflake: orders_daily.load_orders} or
 * {@code upstream_lag in kafka: KafkaConsumerLagHigh · orders}. With neither, the first evidence
 * line says what happened, without what only locates it in a log ({@link LogLinePrefix}). A
 * {@code pii_exposure} title never quotes its evidence, which may hold the personal data itself.
 */
final class IncidentTitle {

    static final int MAX_CHARS = 120;
    private static final String PII = "pii_exposure";

    private IncidentTitle() {
    }

    static String of(Verdict verdict) {
        return of(verdict, null);
    }

    /** @param alertName the alert's name from its source ({@code alertname}), or null */
    static String of(Verdict verdict, String alertName) {
        Map<String, String> e = verdict.entities();
        StringBuilder title = new StringBuilder(verdict.failureMode());
        if (e.containsKey("system")) {
            title.append(" in ").append(e.get("system"));
        }
        String object = object(e);
        if (alertName != null && !alertName.isBlank()) {
            title.append(": ").append(alertName.strip());
            if (object != null) {
                title.append(" · ").append(object);
            }
        } else if (object != null) {
            title.append(": ").append(object);
        } else if (!verdict.failureMode().equals(PII)) {  // a PII finding's evidence may hold the personal data
            verdict.primaryEvidence().stream().findFirst().map(Evidence::getText).map(LogLinePrefix::strip)
                    .filter(line -> !line.isEmpty()).ifPresent(line -> title.append(": ").append(line));
        }
        String line = title.toString().replaceAll("\\s+", " ");
        return line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS - 1) + "…" : line;
    }

    private static String object(Map<String, String> e) {
        if (e.containsKey("dag_id")) {
            return e.containsKey("task_id") ? e.get("dag_id") + "." + e.get("task_id") : e.get("dag_id");
        }
        for (String name : new String[] {"model", "table", "test", "topic"}) {
            if (e.containsKey(name)) {
                return e.get(name);
            }
        }
        return null;
    }
}
