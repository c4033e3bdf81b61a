package dev.dataopsbot.knowledge.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * What the sections of a summary read, sorted once: the events shown (every event but
 * {@code summary_generated}, by time, then by the order they were appended) and grouped by kind,
 * the alerts, and the similar incidents by score (highest first, then by key) without the
 * incident itself.
 */
final class SummaryFacts {

    private static final Comparator<TimelineEvent> BY_TIME =
            Comparator.comparing(TimelineEvent::at).thenComparingLong(TimelineEvent::id);
    private static final Comparator<SimilarIncident> BY_SCORE =
            Comparator.comparingDouble(SimilarIncident::score).reversed()
                    .thenComparingLong(s -> s.key().number());

    private final Incident incident;
    private final List<TimelineEvent> events;
    private final Map<EventKind, List<TimelineEvent>> byKind = new EnumMap<>(EventKind.class);
    private final List<StoredAlert> alerts;
    private final List<SimilarIncident> similar;

    SummaryFacts(IncidentHistory history, List<SimilarIncident> similar) {
        this.incident = history.incident();
        List<TimelineEvent> shown = new ArrayList<>(history.timeline().size());
        for (TimelineEvent event : history.timeline()) {
            if (event.kind() != EventKind.SUMMARY_GENERATED) {
                shown.add(event);
            }
        }
        shown.sort(BY_TIME);
        for (TimelineEvent event : shown) {
            byKind.computeIfAbsent(event.kind(), k -> new ArrayList<>()).add(event);
        }
        this.events = List.copyOf(shown);
        this.alerts = history.alerts();
        this.similar = similar.stream().filter(s -> !s.key().equals(incident.key())).sorted(BY_SCORE).toList();
    }

    Incident incident() {
        return incident;
    }

    /** Every event shown, in time order. */
    List<TimelineEvent> events() {
        return events;
    }

    /** The events of one kind, in time order. */
    List<TimelineEvent> events(EventKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    Optional<TimelineEvent> first(EventKind kind) {
        return events(kind).stream().findFirst();
    }

    /** Notes marked as describing the impact. */
    List<TimelineEvent> impactNotes() {
        return events(EventKind.NOTE).stream().filter(SummaryFacts::isImpact).toList();
    }

    static boolean isImpact(TimelineEvent note) {
        return note.detail().path("impact").asBoolean(false);
    }

    List<StoredAlert> alerts() {
        return alerts;
    }

    Optional<StoredAlert> firstAlert() {
        return alerts.stream().findFirst();
    }

    List<SimilarIncident> similar() {
        return similar;
    }
}
