package dev.dataopsbot.knowledge.summary;

import java.util.List;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** Resolution: each mitigation, resolution and reopening in order, with who did it and what fixed it. */
final class ResolutionSection implements SummarySection {

    private static final List<EventKind> KINDS = List.of(EventKind.MITIGATED, EventKind.RESOLVED, EventKind.REOPENED);

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        out.section("Resolution");
        List<TimelineEvent> steps = facts.events().stream().filter(e -> KINDS.contains(e.kind())).toList();
        for (TimelineEvent step : steps) {
            String lead = "**" + capitalised(step.kind().id()) + "** " + TimeFormat.utc(step.at()) + " by "
                    + MarkdownText.inline(step.actor());
            out.item(TimelineItem.of(lead, step.text()));
        }
        if (!facts.incident().isResolved()) {
            out.paragraph("Not resolved yet: the incident is " + facts.incident().status().id() + ".");
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
