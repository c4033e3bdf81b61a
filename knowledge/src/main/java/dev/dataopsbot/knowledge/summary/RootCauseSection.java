package dev.dataopsbot.knowledge.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        out.table("Line", "Evidence", "Rules", "Supports");
        for (EvidenceRow row : rows(evidence)) {
            out.row(MarkdownText.cell(row.line(), 20),
                    MarkdownText.cell(row.text(), EVIDENCE_CHARS),
                    MarkdownText.cell(String.join("; ", row.rules()), EVIDENCE_CHARS),
                    MarkdownText.cell(String.join(", ", row.modes()), EVIDENCE_CHARS));
        }
    }

    /** One evidence line with every rule that fired on it and the modes they support. */
    private record EvidenceRow(String line, String text, Set<String> rules, Set<String> modes) {
    }

    /** Each line once, in the order first seen, with all its rules: several rules often fire on one line. */
    private static List<EvidenceRow> rows(JsonNode evidence) {
        Map<String, EvidenceRow> rows = new LinkedHashMap<>();
        for (JsonNode e : evidence) {
            String line = e.path("line").asText();
            String text = e.path("text").asText();
            EvidenceRow row = rows.computeIfAbsent(line + "\n" + text,
                    k -> new EvidenceRow(line, text, new LinkedHashSet<>(), new LinkedHashSet<>()));
            add(row.rules(), e.path("rule"));
            add(row.modes(), e.path("failure_mode"));
            e.path("rules").forEach(rule -> add(row.rules(), rule));
        }
        return List.copyOf(rows.values());
    }

    private static void add(Set<String> values, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            values.add(value.asText());
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
