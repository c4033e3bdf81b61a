package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import dev.dataopsbot.bot.incident.TriageRecorder;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.InboundAlert;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.Received;
import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * Alerts that arrive without anyone asking (channel messages, webhooks): classified and stored
 * with their delivery id, the reply they owe and (for a new PII or SEV1 incident) the security
 * page they owe, in the caller's thread, before the caller acknowledges. Posting them is
 * {@link ReplyDelivery}'s job, after the ack.
 */
final class AlertIntake {

    /** What was stored: the triage (for its notices) and what the store did with it. */
    record Intake(Triage triage, Received received) {

        Recorded recorded() {
            return received.recorded();
        }
    }

    private final TriageService triage;
    private final BotMetrics metrics;
    private final SecurityEscalation escalation;

    AlertIntake(TriageService triage, BotMetrics metrics, SecurityEscalation escalation) {
        this.triage = triage;
        this.metrics = metrics;
        this.escalation = escalation;
    }

    /** {@code raw} redacted like alert text. */
    String redact(String raw) {
        return triage.redact(raw);
    }

    /** Classifies {@code text} from {@code source}; nothing is stored. */
    Triage classify(String source, String text) {
        return classify(source, text, null);
    }

    /**
     * Classifies {@code text} from {@code source}, routed by {@code labels} (null: the text's
     * {@code name: value} lines); nothing is stored.
     */
    Triage classify(String source, String text, Map<String, String> labels) {
        long start = System.nanoTime();
        Triage result = triage.triage(source, text, labels);
        metrics.triaged(result.verdict().failureMode(), Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    /**
     * Stores a classified alert once per delivery.
     *
     * @param alertKey the alert's name without its state ({@link IncidentStore#ALERT_KEY}), for a later recovery
     *                 notice to find it; null when it has none
     * @param within   the store as the caller may use it (with the caller's deadline for the database)
     * @param described the alert as its source described it (name, labels, links), redacted here before it is
     *                  stored; null when the source gave only text
     * @return empty when this delivery was stored before (a retry)
     * @throws dev.dataopsbot.knowledge.incident.StoreException when it cannot be stored (busy past the deadline, broken)
     */
    Optional<Intake> store(IncidentStore within, Triage classified, String source, String deliverySource, String deliveryId, String dedupeKey,
                           String alertKey, String replyChannel, String replyThreadTs, SourceAlert described) {
        SourceAlert shown = redacted(described);
        AlertReport report = TriageRecorder.report(classified, source, replyChannel, replyThreadTs,
                shown == null ? null : shown.name()).withSourceAlert(shown);
        if (alertKey != null) {
            report = report.withEntity(IncidentStore.ALERT_KEY, alertKey);
        }
        String escalateTo = escalation.channelFor(classified.verdict().failureMode(), classified.verdict().severity())
                .orElse(null);
        InboundAlert inbound = new InboundAlert(report, deliverySource, deliveryId, dedupeKey, replyChannel, replyThreadTs,
                escalateTo);
        Optional<Received> received = within.receive(inbound);
        received.filter(r -> r.recorded().isNew()).ifPresent(r -> metrics.incident("opened"));
        return received.map(r -> new Intake(classified.recordedAs(r.recorded()), r));
    }

    /**
     * Every value redacted like alert text; a link whose URL holds a secret or personal data,
     * as written or percent-decoded (a token in its query, a label value in a PromQL expression),
     * is left out rather than stored cut.
     */
    private SourceAlert redacted(SourceAlert described) {
        if (described == null) {
            return null;
        }
        List<SourceAlert.Label> labels = described.labels().stream()
                .map(l -> new SourceAlert.Label(triage.redact(l.name()), triage.redact(l.value()))).toList();
        List<SourceAlert.Link> links = described.links().stream()
                .filter(l -> !holdsRedactable(l.url()))
                .map(l -> new SourceAlert.Link(triage.redact(l.label()), l.url())).toList();
        return new SourceAlert(triage.redact(described.name()), labels, triage.redact(described.summary()),
                triage.redact(described.description()), links);
    }

    /** True when redaction finds something in {@code url}, or in it percent-decoded (up to three times). */
    private boolean holdsRedactable(String url) {
        String text = url;
        for (int i = 0; i < 4; i++) {
            if (triage.holdsRedactable(text)) {
                return true;
            }
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return true;  // malformed escapes: nothing to check it with, so it is not kept
            }
            if (decoded.equals(text)) {
                return false;
            }
            text = decoded.replace("\\n", "\n").replace("\\\"", "\"");
        }
        return true;
    }
}
