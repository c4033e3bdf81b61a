package dev.dataopsbot.knowledge.incident;

import java.util.Objects;

/**
 * An alert delivered from outside, as {@link IncidentStore#receive} records it.
 *
 * @param deliverySource what delivered it ({@code slack-event}, {@code alertmanager}); with
 *                       {@code deliveryId} it identifies the delivery, so a retry is a no-op
 * @param dedupeKey      the sender's own identity of the alert (e.g. Alertmanager's fingerprint),
 *                       used as the incident fingerprint instead of the one computed from the
 *                       classification; null to compute it
 * @param replyChannel   where a reply is owed (a "reply pending" mark is stored with the alert); null for none
 * @param replyThreadTs  the thread the reply goes in, or null for the channel itself
 */
public record InboundAlert(AlertReport report, String deliverySource, String deliveryId, String dedupeKey,
                           String replyChannel, String replyThreadTs) {

    public InboundAlert {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(deliverySource, "deliverySource");
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
