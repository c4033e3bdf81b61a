package dev.dataopsbot.bot.incident;

import java.util.Map;

import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.Verdict;

/**
 * The one-line title of a new incident, from what the triage knows: the failure mode, the system
 * and the pipeline object, e.g. {@code credential_expiry in snowflake: orders_daily.load_orders}.
 * Without a pipeline object, the first evidence line says what happened, except for
 * {@code pii_exposure}, whose evidence may hold the personal data itself.
 */
final class IncidentTitle {

    static final int MAX_CHARS = 120;
    private static final String PII = "pii_exposure";

    private IncidentTitle() {
    }

    static String of(Verdict verdict) {
        Map<String, String> e = verdict.entities();
        StringBuilder title = new StringBuilder(verdict.failureMode());
        if (e.containsKey("system")) {
            title.append(" in ").append(e.get("system"));
        }
        String object = object(e);
        if (object != null) {
            title.append(": ").append(object);
        } else if (!verdict.failureMode().equals(PII)) {  // a PII finding's evidence may hold the personal data
            verdict.primaryEvidence().stream().findFirst().map(Evidence::getText).map(String::strip)
                    .ifPresent(line -> title.append(": ").append(line));
        }
        return title.length() > MAX_CHARS ? title.substring(0, MAX_CHARS - 1) + "…" : title.toString();
    }

    private static String object(Map<String, String> e) {
        if (e.containsKey("dag_id")) {
            return e.containsKey("task_id") ? e.get("dag_id") + "." + e.get("task_id") : e.get("dag_id");
        }
        if (e.containsKey("model")) {
            return e.get("model");
        }
        return e.get("table");
    }
}
