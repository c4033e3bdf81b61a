package dev.dataopsbot.knowledge.incident;

import java.util.Map;

/**
 * Where an incident comes from, as far as the alert says: the system and the pipeline object
 * (Airflow DAG and task, dbt model, table). Any part may be null.
 */
public record SourceIdentity(String system, String dagId, String taskId, String model, String table) {

    public static final SourceIdentity UNKNOWN = new SourceIdentity(null, null, null, null, null);

    /** From triage entities ({@code system}, {@code dag_id}, {@code task_id}, {@code model}, {@code table}). */
    public static SourceIdentity fromEntities(Map<String, String> entities) {
        return new SourceIdentity(entities.get("system"), entities.get("dag_id"), entities.get("task_id"),
                entities.get("model"), entities.get("table"));
    }

    /** True when it names a pipeline object, not only a system. */
    public boolean namesObject() {
        return dagId != null || taskId != null || model != null || table != null;
    }

    /** {@code dag.task}, the model or the table, whichever is known first; null if none. */
    public String objectName() {
        if (dagId != null) {
            return taskId != null ? dagId + "." + taskId : dagId;
        }
        if (taskId != null) {
            return taskId;
        }
        return model != null ? model : table;
    }
}
