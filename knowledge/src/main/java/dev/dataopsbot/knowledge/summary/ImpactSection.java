package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** Impact: when it started, the tables, models and topics the alerts name, and the notes marked as impact. */
final class ImpactSection implements SummarySection {

    /** Alert fields that name data (as opposed to the pipeline that moves it). */
    private static final List<String> DATA_FIELDS = List.of("table", "model", "topic");

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        Incident incident = facts.incident();
        Set<String> affected = affectedData(facts);
        List<TimelineEvent> notes = facts.impactNotes();
        out.section("Impact");
        if (incident.impactStartedAt() == null && affected.isEmpty() && notes.isEmpty()) {
            out.paragraph("None recorded. Record when it began and what it affected: `dataops-bot incident update "
                    + incident.key() + " --impact-started 2026-11-25T02:00:00Z \"what users saw\"` and `dataops-bot incident note "
                    + incident.key() + " --impact \"which tables, dashboards or consumers were affected\"`, or in the incident's"
                    + " Slack thread a reply starting with `impact:`; then generate the summary again.");
            return;
        }
        if (incident.impactStartedAt() != null) {
            Duration lead = Duration.between(incident.impactStartedAt(), incident.detectedAt());
            out.fact("Impact started", TimeFormat.utc(incident.impactStartedAt()) + " ("
                    + TimeFormat.duration(lead) + " before the first alert)");
        }
        if (!affected.isEmpty()) {
            out.fact("Affected data", String.join(", ", affected));
        }
        if (!notes.isEmpty()) {
            out.paragraph("Notes marked as impact:");
            for (TimelineEvent note : notes) {
                out.item(TimelineItem.of(note));
            }
        }
    }

    /** {@code table `x`}, in the order first named: the incident's own source, then each alert's fields. */
    private static Set<String> affectedData(SummaryFacts facts) {
        Set<String> affected = new LinkedHashSet<>();
        add(affected, "model", facts.incident().source().model());
        add(affected, "table", facts.incident().source().table());
        for (StoredAlert alert : facts.alerts()) {
            for (String field : DATA_FIELDS) {
                add(affected, field, alert.fields().path(field).asText(null));
            }
        }
        return affected;
    }

    private static void add(Set<String> affected, String kind, String name) {
        if (name != null && !name.isBlank()) {
            affected.add(kind + " " + MarkdownText.code(name));
        }
    }
}
