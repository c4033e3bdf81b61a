package dev.dataopsbot.knowledge.summary;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** Runbooks suggested: each runbook once, in the order first suggested. Left out when none was. */
final class RunbooksSection implements SummarySection {

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        Map<String, JsonNode> runbooks = new LinkedHashMap<>();
        for (TimelineEvent event : facts.events(EventKind.RUNBOOK_SUGGESTED)) {
            event.detail().path("runbooks").forEach(r -> runbooks.putIfAbsent(r.path("id").asText(), r));
        }
        if (runbooks.isEmpty()) {
            return;
        }
        out.section("Runbooks suggested");
        for (JsonNode runbook : runbooks.values()) {
            String path = runbook.path("path").asText("");
            out.item(MarkdownText.inline(runbook.path("title").asText(runbook.path("id").asText()))
                    + (path.isBlank() ? "" : " (" + MarkdownText.code(path) + ")"));
        }
    }
}
