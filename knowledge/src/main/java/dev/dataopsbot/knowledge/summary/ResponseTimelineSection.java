package dev.dataopsbot.knowledge.summary;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** Response timeline: one table row per event (all but summary_generated), texts cut at {@value #TEXT_CHARS} characters. */
final class ResponseTimelineSection implements SummarySection {

    static final int TEXT_CHARS = 200;
    static final int ACTOR_CHARS = 60;

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        out.section("Response timeline");
        out.table("Time", "Event", "Actor", "Details");
        for (TimelineEvent event : facts.events()) {
            out.row(TimeFormat.utc(event.at()), label(event), MarkdownText.cell(event.actor(), ACTOR_CHARS),
                    details(event));
        }
    }

    private static String label(TimelineEvent event) {
        return switch (event.kind()) {
            case ALERT_RECEIVED -> "alert received";
            case ALERT_REPEATED -> "alert repeated";
            case CLASSIFIED -> "classified";
            case RUNBOOK_SUGGESTED -> "runbooks suggested";
            case ACKNOWLEDGED -> "acknowledged";
            case SEVERITY_CHANGED -> "severity changed";
            case STATUS_UPDATE -> "status update";
            case NOTE -> SummaryFacts.isImpact(event) ? "impact note" : "note";
            case ACTION_ITEM -> "action item";
            case MITIGATED -> "mitigated";
            case RESOLVED -> "resolved";
            case REOPENED -> "reopened";
            case SUMMARY_GENERATED -> "summary generated";
            case FEEDBACK -> "feedback";
        };
    }

    /** The event's text (cut), with what its detail adds: an owner, an impact start, a feedback verdict. */
    private static String details(TimelineEvent event) {
        JsonNode detail = event.detail();
        String text = MarkdownText.cell(event.text(), TEXT_CHARS);
        return switch (event.kind()) {
            case ACTION_ITEM -> text + " (owner: " + MarkdownText.cell(ActionItemsSection.owner(event), ACTOR_CHARS) + ")";
            case STATUS_UPDATE -> detail.has("impact_started_at")
                    ? text + " (impact started " + TimeFormat.utc(Instant.parse(detail.path("impact_started_at").asText()))
                            + ")"
                    : text;
            case FEEDBACK -> RootCauseSection.verdict(detail) + (text.isEmpty() ? "" : ": " + text);
            default -> text;
        };
    }
}
