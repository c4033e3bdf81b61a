package dev.dataopsbot.knowledge.incident;

import java.util.List;
import java.util.Objects;

/**
 * What the store holds about one incident, read in one transaction ({@link IncidentStore#history}):
 * the summary and {@code incident show} render it.
 *
 * @param timeline its events, oldest first
 * @param alerts   its alerts, oldest first
 */
public record IncidentHistory(Incident incident, List<TimelineEvent> timeline, List<StoredAlert> alerts) {

    public IncidentHistory {
        Objects.requireNonNull(incident, "incident");
        timeline = List.copyOf(timeline);
        alerts = List.copyOf(alerts);
    }
}
