package dev.dataopsbot.bot.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.AlertFingerprint;
import dev.dataopsbot.knowledge.incident.DurationText;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.SourceIdentity;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/** Incidents for the terminal: the {@code incidents} table, {@code incident show} and one-line confirmations. */
public final class IncidentText {

    static final int MAX_TITLE_CHARS = 70;
    static final int MAX_EVENT_CHARS = 300;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** The {@code incidents} listing, newest first. */
    public String list(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return "No incidents.\n";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-9s %-12s %-4s %6s  %-16s  %s%n",
                "KEY", "STATUS", "SEV", "ALERTS", "DETECTED (UTC)", "TITLE"));
        for (Incident i : incidents) {
            out.append(String.format(Locale.ROOT, "%-9s %-12s %-4s %6d  %-16s  %s%n", i.key(), i.status().id(),
                    i.severity(), i.alertCount(), MINUTES.format(i.detectedAt()), cut(i.title(), MAX_TITLE_CHARS)));
        }
        return out.toString();
    }

    /** {@code incident show}: the incident, its metrics and its whole timeline. */
    public String show(Incident incident, List<TimelineEvent> timeline) {
        StringBuilder out = new StringBuilder();
        out.append(incident.key()).append("  ").append(incident.title()).append("\n\n");
        row(out, "Status", incident.status().id());
        row(out, "Severity", incident.severity());
        row(out, "Failure mode", incident.failureMode());
        if (incident.decidedRule() != null) {
            row(out, "Decided by", incident.decidedRule()
                    + (incident.rulePack() == null ? "" : "  (rule pack " + incident.rulePack() + ")"));
        }
        if (incident.confirmed() != null) {
            row(out, "Feedback", confirmation(incident));
        }
        row(out, "Source", source(incident.source()));
        row(out, "Alerts", String.valueOf(incident.alertCount()));
        row(out, "Fingerprint", incident.fingerprint());
        AlertFingerprint.template(incident.fingerprint()).ifPresent(template -> row(out, "Template", template
                + "  (no pipeline object named: alerts with this message template join this incident)"));
        if (incident.linkedTo() != null) {
            row(out, "Follows", incident.linkedTo().toString());
        }
        if (incident.channel() != null) {
            row(out, "Slack thread", incident.channel() + (incident.threadTs() == null ? "" : " / " + incident.threadTs()));
        }
        if (incident.impactStartedAt() != null) {
            row(out, "Impact began", UtcTimestamps.display(incident.impactStartedAt()));
        }
        row(out, "Detected", UtcTimestamps.display(incident.detectedAt()));
        row(out, "Acknowledged", incident.acknowledgedAt() == null && (incident.mitigatedAt() != null || incident.isResolved())
                ? "— (closed by the source; nobody acknowledged it)"
                : milestone(incident.acknowledgedAt(), incident.metrics().timeToAcknowledge()));
        row(out, "Mitigated", milestone(incident.mitigatedAt(), incident.metrics().timeToMitigate()));
        row(out, "Resolved", milestone(incident.resolvedAt(), incident.metrics().timeToResolve()));
        incident.metrics().timeToDetect().ifPresent(d -> row(out, "Time to detect", DurationText.of(d)));
        out.append("\nTimeline:\n");
        for (TimelineEvent e : timeline) {
            out.append("  ").append(UtcTimestamps.display(e.at())).append("  ").append(String.format(Locale.ROOT, "%-17s", e.kind().id()))
                    .append(' ').append(e.actor());
            if (!e.text().isEmpty()) {
                out.append(": ").append(cut(e.text().replace('\n', ' '), MAX_EVENT_CHARS));
            }
            if (e.detail().hasNonNull("owner")) {
                out.append(" (owner ").append(e.detail().get("owner").asText()).append(')');
            }
            if (e.detail().path("impact").asBoolean()) {
                out.append(" [impact]");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One line after a lifecycle command: {@code INC-3 acknowledged · SEV2 · title}. */
    public String confirmation(Incident incident, String what) {
        return incident.key() + " " + what + " · " + incident.status().id() + " · " + incident.severity() + " · "
                + cut(incident.title(), MAX_TITLE_CHARS) + "\n";
    }

    /** The latest feedback: {@code right}, {@code wrong: it is M} or {@code wrong (no mode named)}. */
    private static String confirmation(Incident incident) {
        if (Incident.RIGHT.equals(incident.confirmed())) {
            return "right";
        }
        return incident.confirmed() + (incident.confirmedMode() == null ? " (no mode named)" : ": it is " + incident.confirmedMode());
    }

    static String source(SourceIdentity source) {
        List<String> parts = new ArrayList<>();
        add(parts, "system", source.system());
        add(parts, "dag", source.dagId());
        add(parts, "task", source.taskId());
        add(parts, "model", source.model());
        add(parts, "table", source.table());
        return parts.isEmpty() ? "no pipeline object named" : String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static String milestone(Instant at, Optional<java.time.Duration> after) {
        return at == null ? "—" : UtcTimestamps.display(at) + after.map(d -> " (after " + DurationText.of(d) + ")").orElse("");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
