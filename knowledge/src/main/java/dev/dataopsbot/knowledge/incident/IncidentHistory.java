package dev.dataopsbot.knowledge.summary;

import java.util.List;
import java.util.Objects;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentNotFoundException;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/**
 * What the store holds about one incident, as a summary reads it.
 *
 * @param timeline its events, oldest first
 * @param alerts   its alerts, oldest first
 */
public record IncidentHistory(Incident incident, List<TimelineEvent> timeline, List<StoredAlert> alerts) {

    private static final int ATTEMPTS = 3;

    public IncidentHistory {
        Objects.requireNonNull(incident, "incident");
        timeline = List.copyOf(timeline);
        alerts = List.copyOf(alerts);
    }

    /**
     * Reads an incident, its timeline and its alerts. They are three reads; when the incident
     * changed while they ran (a repeat, a resolution from another process) they are read again,
     * so that the header and the timeline agree.
     *
     * @throws IncidentNotFoundException for a key never issued
     */
    public static IncidentHistory load(IncidentStore store, IncidentKey key) {
        IncidentHistory history = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Incident before = store.require(key);
            history = new IncidentHistory(before, store.timeline(key), store.alerts(key));
            if (store.require(key).equals(before)) {
                break;
            }
        }
        return history;
    }
}
