package dev.dataopsbot.knowledge.incident;

import java.util.Locale;

/** Where an incident is in its lifecycle: open → acknowledged → mitigated → resolved (→ reopened as open). */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED;

    /** The stored and displayed name, e.g. {@code acknowledged}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IncidentStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
