package dev.dataopsbot.bot.slack;

import java.util.List;

import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.PendingReplies;
import dev.dataopsbot.knowledge.incident.PendingReply;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/**
 * Closes the loop when the source itself reports recovery (a success callback, a "Recovered"
 * alert, Alertmanager's {@code resolved}): the recovery goes on the timeline as the incident's
 * mitigation by the bot, a notice goes to the incident's thread and the triage message is
 * updated. Resolving stays a human decision unless {@code DATAOPS_AUTO_RESOLVE=true}.
 */
final class SourceRecovery {

    private final IncidentLifecycle lifecycle;
    private final PendingReplies pending;
    private final ReplyDelivery delivery;
    private final BotMetrics metrics;
    private final boolean autoResolve;

    SourceRecovery(IncidentLifecycle lifecycle, PendingReplies pending, ReplyDelivery delivery, BotMetrics metrics,
                   boolean autoResolve) {
        this.lifecycle = lifecycle;
        this.pending = pending;
        this.delivery = delivery;
        this.metrics = metrics;
        this.autoResolve = autoResolve;
    }

    /**
     * Records that {@code incident}'s source recovered ({@code reason} says how we know) and owes
     * the notice in its thread. A resolved incident is left alone.
     */
    void recovered(Incident incident, String reason) {
        if (incident.isResolved()) {
            return;
        }
        String text = "source reports recovery: " + reason;
        if (incident.status() != IncidentStatus.MITIGATED) {
            lifecycle.mitigate(incident.key(), text, TimelineEvent.BOT);
        }
        if (autoResolve) {
            lifecycle.resolve(incident.key(), text + " (resolved automatically: DATAOPS_AUTO_RESOLVE=true)", TimelineEvent.BOT);
            metrics.incident("resolved");
        }
        if (incident.channel() != null) {
            PendingReply reply = pending.add(incident.key(), PendingReply.Kind.RECOVERY, incident.channel(), incident.threadTs());
            delivery.deliver(reply, List.of());
        }
    }
}
