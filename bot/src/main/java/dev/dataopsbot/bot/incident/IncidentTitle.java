package dev.dataopsbot.bot.incident;

import java.util.Map;
import java.util.regex.Pattern;

import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.Verdict;

/**
 * The one-line title of a new incident: the incident, not a log line. The failure mode, the
 * system, then what failed: the alert's name when the source gave one (Alertmanager, Grafana) and
 * the pipeline object (DAG and task, model, table, test, topic), e.g.
 * {@code credential_expiry in snowflake: orders_daily.load_orders} or
 * {@code upstream_lag in kafka: KafkaConsumerLagHigh · orders}. With neither, the first evidence
 * line says what happened, without what only locates it in a log: a leading timestamp, log
 * source, level, bullet or field name ({@code [2024-05-14, 04:00:06 UTC]}, {@code ERROR -},
 * {@code *Exception*:}, {@code description:}). A {@code pii_exposure} title never quotes its
 * evidence, which may hold the personal data itself.
 */
final class IncidentTitle {

    static final int MAX_CHARS = 120;
    private static final String PII = "pii_exposure";
    /** What may precede the message on a log or alert line, removed one at a time from its start. */
    private static final Pattern[] PREFIXES = {
        // [2024-05-14, 04:00:06 UTC], [2026-11-25 03:12:09,123], (2024-05-14T04:00:06Z)
        Pattern.compile("^[\\[(]\\d{4}-\\d{2}-\\d{2}[^\\])]{0,40}[\\])]\\s*"),
        // 2024-05-14T04:00:06.123Z, 2024-05-14 04:00:06,123 UTC
        Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?:[T ,]+\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2}|\\s+UTC)?\\s*"),
        // 04:00:06 or 04:00:06.123
        Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\s+"),
        // {taskinstance.py:1234}
        Pattern.compile("^\\{[^}\\s]{1,80}\\}\\s*"),
        // ERROR - , [ERROR], ERROR:, WARN
        Pattern.compile("^\\[?(?:FATAL|CRITICAL|ERROR|ERR|WARNING|WARN|INFO)\\]?(?:\\s*[-:|]\\s*|\\s+)", Pattern.CASE_INSENSITIVE),
        // - , • , > , * (a bullet, not *bold*)
        Pattern.compile("^[-•>]\\s+|^\\*\\s+"),
        // *Exception*: , *Description:* , *Log Url* :
        Pattern.compile("^\\*[^*\\n]{1,40}?:?\\*\\s*:?\\s*"),
        // description: , summary = , message: (field names alerts use, not error class names)
        Pattern.compile("^(?:description|summary|message|msg|details?|reason|cause|exception|error|alert|title|text|log)"
                + "\\s*[:=]\\s*", Pattern.CASE_INSENSITIVE),
    };

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
            verdict.primaryEvidence().stream().findFirst().map(Evidence::getText).map(IncidentTitle::message)
                    .filter(line -> !line.isEmpty()).ifPresent(line -> title.append(": ").append(line));
        }
        String line = title.toString().replaceAll("\\s+", " ");
        return line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS - 1) + "…" : line;
    }

    /** An evidence line without its leading timestamp, log source, level, bullet and field name. */
    static String message(String line) {
        String rest = line.strip();
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (Pattern prefix : PREFIXES) {
                String stripped = prefix.matcher(rest).replaceFirst("");
                if (!stripped.equals(rest)) {
                    rest = stripped.strip();
                    changed = true;
                }
            }
        }
        return rest.replaceAll("^`{3}|`{3}$", "").strip();
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
