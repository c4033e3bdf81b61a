package dev.dataopsbot.knowledge.summary;

import java.util.List;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/**
 * Action items with their owner ({@code unassigned} when none was named) and status. The store
 * has no event that closes an action item yet, so every item is {@code open}.
 */
final class ActionItemsSection implements SummarySection {

    static final int TEXT_CHARS = 500;
    static final String UNASSIGNED = "unassigned";

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        out.section("Action items");
        List<TimelineEvent> items = facts.events(EventKind.ACTION_ITEM);
        if (items.isEmpty()) {
            out.paragraph("None recorded.");
            return;
        }
        out.table("#", "Action item", "Owner", "Status", "Added");
        int n = 0;
        for (TimelineEvent item : items) {
            out.row(String.valueOf(++n), MarkdownText.cell(item.text(), TEXT_CHARS),
                    MarkdownText.cell(owner(item), ResponseTimelineSection.ACTOR_CHARS), "open",
                    TimeFormat.utc(item.at()) + " by " + MarkdownText.cell(item.actor(), ResponseTimelineSection.ACTOR_CHARS));
        }
    }

    static String owner(TimelineEvent item) {
        String owner = item.detail().path("owner").asText("");
        return owner.isBlank() ? UNASSIGNED : owner;
    }
}
