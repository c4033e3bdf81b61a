package dev.dataopsbot.knowledge.summary;

import java.util.List;

import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Renders an incident's post-incident summary as markdown, in the sections of the Google SRE
 * postmortem template that fit data incidents: Summary, Impact, Detection, Root cause, Trigger
 * and source, Response timeline, Resolution, Metrics, Action items, Runbooks suggested, Repeated
 * alerts, Linked and similar past incidents. A section with nothing recorded says "None
 * recorded" or is left out; there are no placeholders to fill in.
 *
 * <p>The output depends only on the inputs: the same history gives byte-identical markdown.
 * {@code summary_generated} events are left out, so recording that a summary was made does not
 * change the next one. User text is escaped so that it stays inside its table cell or list item.
 */
public final class PostIncidentSummary {

    private final List<SummarySection> sections = List.of(new OverviewSection(), new ImpactSection(),
            new DetectionSection(), new RootCauseSection(), new TriggerSection(), new ResponseTimelineSection(),
            new ResolutionSection(), new MetricsSection(), new ActionItemsSection(), new RunbooksSection(),
            new RepeatedAlertsSection(), new PastIncidentsSection());

    /**
     * @param similar resolved past incidents like this one, in any order (they are shown by score,
     *                highest first); may be empty; the incident itself is left out if present
     */
    public String render(IncidentHistory history, List<SimilarIncident> similar) {
        SummaryFacts facts = new SummaryFacts(history, similar);
        MarkdownWriter out = new MarkdownWriter(4_096 + 160 * facts.events().size());
        for (SummarySection section : sections) {
            section.write(facts, out);
        }
        return out.toString();
    }
}
