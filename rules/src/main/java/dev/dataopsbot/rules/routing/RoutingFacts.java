package dev.dataopsbot.rules.routing;

import java.util.Map;

/**
 * What triage knows about an alert when it is routed.
 *
 * @param failureMode the primary failure mode, a taxonomy id
 * @param severity    the severity the rules gave, SEV1..SEV4
 * @param entities    what was extracted from the text (dag_id, table, system, ...)
 * @param labels      the alert's labels: Alertmanager's, or a text alert's {@code name: value} lines
 */
public record RoutingFacts(String failureMode, String severity, Map<String, String> entities,
                           Map<String, String> labels) {

    public RoutingFacts {
        entities = Map.copyOf(entities);
        labels = Map.copyOf(labels);
    }

    /** The entity {@code name}, or the label of that name when no entity was extracted; null when neither. */
    String entity(String name) {
        String value = entities.get(name);
        return value != null ? value : labels.get(name);
    }
}
