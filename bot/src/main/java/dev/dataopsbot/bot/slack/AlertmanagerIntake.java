package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.webhook.AlertCardLayout;
import dev.dataopsbot.bot.webhook.AlertmanagerAlert;
import dev.dataopsbot.bot.webhook.AlertmanagerSourceAlert;
import dev.dataopsbot.bot.webhook.AlertmanagerNotification;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager notifications, after the webhook has checked and parsed them: each firing alert is
 * classified and stored (its Alertmanager fingerprint is the incident identity) with the reply it
 * owes in {@code channel}, each resolved one closes the loop on its incident. Everything is stored
 * when {@link #accept} returns, so the webhook answers 2xx only then; a re-sent notification
 * changes nothing.
 */
public final class AlertmanagerIntake {

    static final String SOURCE = "alertmanager";
    /**
     * How long a notification may wait for the database in all: within Alertmanager's 10 s
     * timeout, so that a busy store answers 503 (and Alertmanager retries) instead of timing out.
     */
    static final Duration BUDGET = Duration.ofSeconds(4);
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerIntake.class);

    /** What a notification did. */
    public record Outcome(int stored, int duplicates, int recovered) {
    }

    private final AlertIntake intake;
    private final IncidentStore store;
    private final ReplyDelivery delivery;
    private final SourceRecovery recovery;
    private final AfterAck afterAck;
    private final List<String> alertChannels;
    private final AlertmanagerSourceAlert describer = new AlertmanagerSourceAlert(AlertCardLayout.bundled());

    AlertmanagerIntake(AlertIntake intake, IncidentStore store, ReplyDelivery delivery, SourceRecovery recovery,
                       AfterAck afterAck, List<String> alertChannels) {
        this.intake = intake;
        this.store = store;
        this.delivery = delivery;
        this.recovery = recovery;
        this.afterAck = afterAck;
        this.alertChannels = List.copyOf(alertChannels);
    }

    /**
     * @param channel where triage messages go; null for the first of {@code DATAOPS_ALERT_CHANNELS}
     *                (with neither, alerts are stored and nothing is posted)
     * @throws dev.dataopsbot.knowledge.incident.StoreException when the database is not available (a transient fault)
     */
    public Outcome accept(AlertmanagerNotification notification, String channel) {
        String replyChannel = channel != null ? channel : alertChannels.isEmpty() ? null : alertChannels.get(0);
        IncidentStore store = this.store.within(BUDGET);
        int stored = 0;
        int duplicates = 0;
        int recovered = 0;
        for (AlertmanagerAlert alert : notification.alerts()) {
            String deliveryId = alert.deliveryId();
            if (alert.resolved()) {
                if (!store.claimDelivery(SOURCE, deliveryId)) {
                    duplicates++;
                    continue;
                }
                Optional<Incident> open = store.findOpen(alert.dedupeKey());
                if (open.isPresent()) {
                    recovery.recovered(open.get(), "Alertmanager reports " + alert.labels().getOrDefault("alertname", "the alert")
                            + " resolved");
                    recovered++;
                }
                continue;
            }
            Triage classified = intake.classify(SOURCE, alert.text(), alert.labels());
            Optional<AlertIntake.Intake> intook = intake.store(store, classified, SOURCE, SOURCE, deliveryId, alert.dedupeKey(),
                    null, replyChannel, null, describer.describe(alert, notification, intake::redact));
            if (intook.isEmpty()) {
                duplicates++;
                continue;
            }
            stored++;
            afterAck.run("replies for " + intook.get().recorded().key(), problem -> LOG.error("alertmanager: {}", problem),
                    () -> delivery.deliver(intook.get().received(), classified.warnings()), null);
        }
        return new Outcome(stored, duplicates, recovered);
    }
}
