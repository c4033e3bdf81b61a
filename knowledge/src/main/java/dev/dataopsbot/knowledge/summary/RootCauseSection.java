package dev.dataopsbot.knowledge.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/**
 * Root cause: the rules' classification with its confidence, the evidence lines and the rules
 * that matched them, the secondary modes, and what people said about the classification.
 */
final class RootCauseSection implements SummarySection {

    static final int EVIDENCE_CHARS = 300;

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        out.section("Root cause");
        Optional<TimelineEvent> classified = facts.first(EventKind.CLASSIFIED);
        String mode = MarkdownText.inline(facts.incident().failureMode());
        if (classified.isEmpty()) {
            out.paragraph("Failure mode **" + mode + "**; no classification was recorded.");
        } else {
            classification(classified.get().detail(), mode, out);
        }
        List<TimelineEvent> feedback = facts.events(EventKind.FEEDBACK);
        if (!feedback.isEmpty()) {
            out.paragraph("Feedback on the classification:");
            for (TimelineEvent event : feedback) {
                out.item(TimelineItem.of(TimeFormat.utc(event.at()) + ", " + MarkdownText.inline(event.actor())
                        + " (" + verdict(event.detail()) + ")", event.text()));
            }
        }
    }

    private static void classification(JsonNode detail, String mode, MarkdownWriter out) {
        StringBuilder line = new StringBuilder("Classified by the rules as **").append(mode).append("**");
        if (detail.has("confidence")) {
            line.append(String.format(Locale.ROOT, " (confidence %.2f)", detail.path("confidence").asDouble()));
        }
        out.paragraph(line.append('.').toString());
        List<String> secondary = new ArrayList<>();
        detail.path("secondary").forEach(m -> secondary.add(MarkdownText.inline(m.asText())));
        if (!secondary.isEmpty()) {
            out.fact("Secondary modes", String.join(", ", secondary));
        }
        String reason = detail.path("safe_to_retry_reason").asText("");
        if (detail.path("safe_to_retry").isTextual() && !detail.path("safe_to_retry").asText().isBlank() && !reason.isBlank()) {
            out.fact("Safe to retry", MarkdownText.inline(detail.path("safe_to_retry").asText() + " — " + reason));
        } else {
            fact(out, "Safe to retry", detail.path("safe_to_retry"));
        }
        fact(out, "Escalate to", detail.path("escalate_to"));
        JsonNode evidence = detail.path("evidence");
        if (evidence.isEmpty()) {
            out.paragraph("No evidence lines were recorded.");
            return;
        }
        out.table("Line", "Evidence", "Rule", "Supports");
        for (JsonNode e : evidence) {
            out.row(MarkdownText.cell(e.path("line").asText(), 20),
                    MarkdownText.cell(e.path("text").asText(), EVIDENCE_CHARS),
                    MarkdownText.cell(e.path("rule").asText(), EVIDENCE_CHARS),
                    MarkdownText.cell(e.path("failure_mode").asText(), EVIDENCE_CHARS));
        }
    }

    private static void fact(MarkdownWriter out, String label, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            out.fact(label, MarkdownText.inline(value.asText()));
        }
    }

    /** {@code classification correct}, or wrong and what it should have been. */
    static String verdict(JsonNode detail) {
        if (detail.path("correct").asBoolean(false)) {
            return "classification correct";
        }
        String should = detail.path("correct_mode").asText("");
        return should.isBlank() ? "classification wrong"
                : "classification wrong, should be " + MarkdownText.inline(should);
    }
}
