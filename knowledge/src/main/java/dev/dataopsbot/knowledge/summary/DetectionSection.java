package dev.dataopsbot.knowledge.summary;

import java.util.Optional;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentMetrics;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** Detection: the first alert and where it came from, time to detect and acknowledge, the alert's opening lines. */
final class DetectionSection implements SummarySection {

    static final int EXCERPT_LINES = 10;
    static final int EXCERPT_LINE_CHARS = 300;

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        Incident incident = facts.incident();
        IncidentMetrics metrics = incident.metrics();
        Optional<StoredAlert> first = facts.firstAlert();
        out.section("Detection");
        out.fact("First alert", TimeFormat.utc(incident.detectedAt())
                + first.map(a -> ", from " + MarkdownText.inline(a.source())).orElse(""));
        out.fact("Time to detect", metrics.timeToDetect().map(TimeFormat::duration)
                .map(d -> d + " (from the start of the impact)")
                .orElse(TimeFormat.UNKNOWN + " (the start of the impact was not recorded)"));
        out.fact("Time to acknowledge", metrics.timeToAcknowledge().map(TimeFormat::duration)
                .map(d -> d + acknowledgedBy(facts)).orElse(notAcknowledged(incident)));
        first.ifPresent(alert -> {
            out.paragraph("The first alert" + excerptNote(alert.text()) + ":");
            out.paragraph(MarkdownText.fenced(excerpt(alert.text()), "text"));
        });
    }

    private static String notAcknowledged(Incident incident) {
        return incident.mitigatedAt() != null || incident.resolvedAt() != null
                ? "none: the source recovered before anyone acknowledged (not counted in MTTA)"
                : TimeFormat.UNKNOWN + " (not acknowledged)";
    }

    /** Who acknowledged: the acknowledgement's actor, or the one who mitigated or resolved without one. */
    private static String acknowledgedBy(SummaryFacts facts) {
        Optional<TimelineEvent> ack = facts.first(EventKind.ACKNOWLEDGED);
        if (ack.isPresent()) {
            return ", by " + MarkdownText.inline(ack.get().actor());
        }
        return facts.events().stream().filter(e -> e.detail().path("implicit_ack").asBoolean(false)).findFirst()
                .map(e -> ", by " + MarkdownText.inline(e.actor()) + " (implicitly, when the incident was "
                        + e.kind().id() + ")")
                .orElse("");
    }

    private static String excerptNote(String text) {
        long lines = text.strip().lines().count();
        return lines > EXCERPT_LINES ? " (its first " + EXCERPT_LINES + " of " + lines + " lines)" : "";
    }

    /** The first lines of the alert, each cut at {@value #EXCERPT_LINE_CHARS} characters. */
    private static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        text.strip().lines().limit(EXCERPT_LINES).forEach(line ->
                out.append(MarkdownText.truncate(line.stripTrailing(), EXCERPT_LINE_CHARS)).append('\n'));
        return out.toString();
    }
}
