package dev.dataopsbot.bot.slack;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.PendingReplies;
import dev.dataopsbot.knowledge.incident.PendingReply;
import dev.dataopsbot.knowledge.incident.Received;
import dev.dataopsbot.knowledge.incident.TriageMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the replies that stored alerts owe, and clears each one once Slack took it: the triage
 * message in the alert's thread, a pointer from a repeat to the incident's thread (at most one a
 * minute per incident; the triage message's count is updated either way), a recovery notice, or
 * the page of the security channel.
 * During an alert storm in a channel, top-level triage messages fold into a {@link StormDigest}.
 * At start-up {@link #deliverPending} posts what a previous run acknowledged but never posted.
 */
final class ReplyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);

    private final IncidentMessages messages;
    private final PendingReplies pending;
    private final IncidentStore store;
    private final SlackWebApi web;
    private final PointerThrottle throttle;
    private final StormDigest storm;
    private final SecurityEscalation escalation;
    private final TriageMessages triageMessages;

    ReplyDelivery(IncidentMessages messages, PendingReplies pending, IncidentStore store, SlackWebApi web,
                  PointerThrottle throttle, StormDigest storm, SecurityEscalation escalation, TriageMessages triageMessages) {
        this.messages = messages;
        this.pending = pending;
        this.store = store;
        this.web = web;
        this.throttle = throttle;
        this.storm = storm;
        this.escalation = escalation;
        this.triageMessages = triageMessages;
    }

    /** Posts every reply still owed, oldest first; returns how many there were. */
    int deliverPending() {
        List<PendingReply> owed = pending.all();
        if (!owed.isEmpty()) {
            LOG.warn("{} reply(ies) acknowledged before the last stop were never posted: posting them now", owed.size());
        }
        owed.forEach(reply -> deliver(reply, List.of()));
        return owed.size();
    }

    /** Posts the reply a stored alert owes, then the security page it owes, in that order. */
    CompletableFuture<Void> deliver(Received received, List<String> notices) {
        CompletableFuture<Void> reply = received.reply().map(r -> deliver(r, notices))
                .orElse(CompletableFuture.completedFuture(null));
        return received.escalation().map(page -> reply.thenCompose(done -> deliver(page, List.of()))).orElse(reply);
    }

    /** Posts {@code reply}; {@code notices} go on a triage message. The reply is cleared once Slack has answered. */
    CompletableFuture<Void> deliver(PendingReply reply, List<String> notices) {
        CompletableFuture<Boolean> posted = switch (reply.kind()) {
            case TRIAGE -> triage(reply, notices);
            case POINTER -> pointer(reply);
            case RECOVERY -> recovery(reply);
            case ESCALATION -> escalation.page(store.require(reply.incident()), triageMessages.find(reply.incident()));
        };
        return posted.handle((ok, failure) -> {
            if (failure != null || !Boolean.TRUE.equals(ok)) {
                LOG.error("{}: the {} reply in {} could not be posted{}; not retried", reply.incident(), reply.kind().id(),
                        reply.channel(), failure == null ? "" : ": " + failure.getMessage());
            }
            try {
                pending.done(reply);
            } catch (RuntimeException e) {
                LOG.error("{}: the {} reply was handled but is still marked pending: {}", reply.incident(),
                        reply.kind().id(), e.getMessage());
            }
            return null;
        });
    }

    private CompletableFuture<Boolean> triage(PendingReply reply, List<String> notices) {
        if (reply.threadTs() == null && storm.fold(reply.channel(), store.require(reply.incident()))) {
            return CompletableFuture.completedFuture(true);
        }
        return messages.post(reply.incident(), notices, reply.channel(), reply.threadTs()).thenApply(at -> at.isPresent());
    }

    private CompletableFuture<Boolean> pointer(PendingReply reply) {
        Incident incident = store.require(reply.incident());
        messages.refresh(incident.key());
        if (reply.threadTs() == null || !throttle.allow(incident.key())) {
            return CompletableFuture.completedFuture(true);
        }
        String where = incident.channel() == null ? "" : web.permalink(incident.channel(), incident.threadTs())
                .map(url -> " — triage in <" + url + "|thread ↗>").orElse(" — triage in <#" + incident.channel() + ">");
        String text = "Repeat " + incident.alertCount() + " of " + incident.key() + where;
        return web.post(reply.channel(), reply.threadTs(), text, null, incident.key().toString()).thenApply(at -> at.isPresent());
    }

    private CompletableFuture<Boolean> recovery(PendingReply reply) {
        Incident incident = store.require(reply.incident());
        messages.refresh(incident.key());
        if (incident.threadTs() == null) {
            return CompletableFuture.completedFuture(true);  // no triage thread (folded in a storm): nowhere quiet to say it
        }
        String text = incident.status() == IncidentStatus.RESOLVED
                ? ":white_check_mark: The source reports recovery: " + incident.key() + " was resolved automatically "
                        + "(DATAOPS_AUTO_RESOLVE)."
                : ":large_green_circle: The source reports recovery: " + incident.key() + " is marked mitigated. Resolving "
                        + "stays a human decision: press Resolve or use `/dataops resolve " + incident.key() + " <what fixed it>`.";
        return web.post(reply.channel(), reply.threadTs(), text, null, incident.key().toString()).thenApply(at -> at.isPresent());
    }
}
