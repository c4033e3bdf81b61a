package dev.dataopsbot.knowledge.incident;

import java.util.Locale;

/** What a timeline event records. The stored names are part of the schema (a CHECK constraint). */
public enum EventKind {
    ALERT_RECEIVED, ALERT_REPEATED, CLASSIFIED, RUNBOOK_SUGGESTED, ACKNOWLEDGED, SEVERITY_CHANGED, STATUS_UPDATE,
    NOTE, ACTION_ITEM, MITIGATED, RESOLVED, REOPENED, SUMMARY_GENERATED, FEEDBACK;

    /** The stored name, e.g. {@code alert_repeated}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
