package dev.dataopsbot.knowledge.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.dataopsbot.knowledge.incident.SourceIdentity;
import dev.dataopsbot.knowledge.incident.StoredAlert;

/**
 * Trigger and source: the system and pipeline object the first alert names (DAG and task, dbt
 * model and test, table, run, error code...). Left out when the alert names none.
 */
final class TriggerSection implements SummarySection {

    /** An alert field and its label. */
    private record Field(String name, String label) {
    }

    private static final List<Field> FIELDS = List.of(new Field("system", "System"),
            new Field("orchestrator", "Orchestrator"), new Field("dag_id", "DAG"), new Field("task_id", "Task"),
            new Field("run_id", "Run"), new Field("model", "Model"), new Field("test", "Test"),
            new Field("table", "Table"), new Field("topic", "Topic"), new Field("host", "Host"),
            new Field("namespace", "Namespace"), new Field("pod", "Pod"), new Field("error_code", "Error code"));

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        SourceIdentity source = facts.incident().source();
        JsonNode fields = facts.firstAlert().map(StoredAlert::fields).orElse(MissingNode.getInstance());
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            String value = fromSource(source, field.name());
            if (value == null) {
                value = fields.path(field.name()).asText(null);
            }
            if (value != null && !value.isBlank()) {
                values.put(field.label(), value);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        out.section("Trigger and source");
        values.forEach((label, value) -> out.fact(label, MarkdownText.code(value)));
    }

    private static String fromSource(SourceIdentity source, String field) {
        return switch (field) {
            case "system" -> source.system();
            case "dag_id" -> source.dagId();
            case "task_id" -> source.taskId();
            case "model" -> source.model();
            case "table" -> source.table();
            default -> null;
        };
    }
}
