package dev.dataopsbot.knowledge.summary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.SourceIdentity;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** The title ({@code INC-n} and the incident: {@link SummaryTitle}) and the Summary: severity, status, duration, where. */
final class OverviewSection implements SummarySection {

    static final int FIX_CHARS = 200;

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        Incident incident = facts.incident();
        out.title(incident.key() + ": " + headingText(SummaryTitle.of(incident)));
        out.paragraph("Post-incident summary, built from the incident store. All times are UTC.");
        out.section("Summary");
        out.fact("Severity", severity(facts));
        out.fact("Status", status(facts));
        out.fact("Duration", duration(incident));
        resolution(facts).ifPresent(fix -> out.fact("Fixed by", fix));
        out.fact("Failure mode", MarkdownText.inline(incident.failureMode()));
        String where = where(incident.source());
        if (!where.isEmpty()) {
            out.fact("Where", where);
        }
        out.fact("Alerts", String.valueOf(incident.alertCount()));
        if (incident.channel() != null) {
            out.fact("Slack thread", "channel " + MarkdownText.code(incident.channel())
                    + (incident.threadTs() == null ? "" : ", thread " + MarkdownText.code(incident.threadTs())));
        }
    }

    /** Inline text whose trailing {@code " #"}s are not taken for an ATX heading's closing sequence. */
    private static String headingText(String title) {
        String text = MarkdownText.inline(title);
        int run = text.length();
        while (run > 0 && text.charAt(run - 1) == '#') {
            run--;
        }
        boolean closing = run < text.length() && run > 0 && text.charAt(run - 1) == ' ';
        return closing ? text.substring(0, run) + "\\" + text.substring(run) : text;
    }

    private static String severity(SummaryFacts facts) {
        List<TimelineEvent> changes = facts.events(EventKind.SEVERITY_CHANGED);
        String now = MarkdownText.inline(facts.incident().severity());
        if (changes.isEmpty()) {
            return now;
        }
        StringBuilder path = new StringBuilder(MarkdownText.inline(changes.get(0).detail().path("from").asText()));
        for (TimelineEvent change : changes) {
            path.append(" → ").append(MarkdownText.inline(change.detail().path("to").asText()));
        }
        return now + " (changed: " + path + ")";
    }

    private static String status(SummaryFacts facts) {
        String status = facts.incident().status().id();
        int reopened = facts.events(EventKind.REOPENED).size();
        return reopened == 0 ? status : status + " (reopened " + times(reopened) + ")";
    }

    private static String duration(Incident incident) {
        Instant detected = incident.detectedAt();
        if (incident.resolvedAt() != null) {
            return TimeFormat.duration(detected, incident.resolvedAt()) + ", from the first alert at "
                    + TimeFormat.utc(detected) + " to the resolution at " + TimeFormat.utc(incident.resolvedAt());
        }
        String open = "not resolved; first alert at " + TimeFormat.utc(detected);
        return incident.mitigatedAt() == null ? open
                : open + ", mitigated after " + TimeFormat.duration(detected, incident.mitigatedAt());
    }

    /** The text of the last resolution, on one line and cut, when the incident is resolved. */
    private static Optional<String> resolution(SummaryFacts facts) {
        List<TimelineEvent> resolutions = facts.events(EventKind.RESOLVED);
        if (!facts.incident().isResolved() || resolutions.isEmpty()) {
            return Optional.empty();
        }
        String text = resolutions.get(resolutions.size() - 1).text();
        return Optional.of(MarkdownText.inline(MarkdownText.truncate(text.strip(), FIX_CHARS)));
    }

    private static String where(SourceIdentity source) {
        String system = source.system() == null ? "" : MarkdownText.inline(source.system());
        String object = source.objectName() == null ? "" : MarkdownText.code(source.objectName());
        return system.isEmpty() || object.isEmpty() ? system + object : system + ", " + object;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
