package dev.dataopsbot.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.slack.api.model.block.LayoutBlock;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.slack.web.ChatPost;
import dev.dataopsbot.bot.slack.web.PostResult;
import dev.dataopsbot.bot.slack.web.ReplyTag;
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
 * Posts the replies that stored alerts owe (the triage message in the alert's thread, a pointer
 * from a repeat to the incident's thread, a recovery notice, the page of the security channel)
 * and clears each one only once Slack confirms it. Each post is tagged with its reply's id
 * ({@link ReplyTag}), marked attempted before it leaves, and looked up in Slack before it is
 * posted again, so it lands at most once. A reply Slack refuses for good is logged, counted and
 * cleared; one that is still owed after a round of tries (an outage) is tried again by the
 * sweep every {@link #SWEEP_EVERY}, and reported (log, metric, {@code /healthz}) once it is owed
 * for longer than {@link #OVERDUE}. During an alert storm in a channel, top-level triage
 * messages fold into a {@link StormDigest}. At start-up {@link #deliverPending} posts what a
 * previous run owed.
 */
final class ReplyDelivery implements AutoCloseable {

    static final Duration SWEEP_EVERY = Duration.ofSeconds(15);
    /** A reply owed this long is reported as overdue. */
    static final Duration OVERDUE = Duration.ofMinutes(10);
    /** Owed replies one sweep claims at most (the next sweep takes the rest). */
    static final int MAX_CLAIMED = 500;
    /** The sweep leaves replies younger than this to the delivery their intake started. */
    static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);

    private final IncidentMessages messages;
    private final PendingReplies pending;
    private final IncidentStore store;
    private final SlackWebApi web;
    private final PointerThrottle throttle;
    private final StormDigest storm;
    private final SecurityEscalation escalation;
    private final TriageMessages triageMessages;
    private final BotMetrics metrics;
    private final Clock clock;
    private final Replica replica;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Long> reportedOverdue = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataops-reply-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OwedReplies owed = new OwedReplies(0, 0, Optional.empty(), OVERDUE);

    ReplyDelivery(IncidentMessages messages, PendingReplies pending, IncidentStore store, SlackWebApi web,
                  PointerThrottle throttle, StormDigest storm, SecurityEscalation escalation, TriageMessages triageMessages,
                  BotMetrics metrics, Clock clock, Replica replica) {
        this.replica = replica;
        this.messages = messages;
        this.pending = pending;
        this.store = store;
        this.web = web;
        this.throttle = throttle;
        this.storm = storm;
        this.escalation = escalation;
        this.triageMessages = triageMessages;
        this.metrics = metrics;
        this.clock = clock;
        metrics.owedReplies(() -> owed.count(), () -> owed.overdue());
    }

    /**
     * Posts every reply still owed that this replica may claim, oldest first (on a store no other
     * replica shares: every one; on a shared one: those whose claims have lapsed), and starts the
     * sweep that retries what stays owed and takes over what a dead replica owed; returns how many
     * it took.
     */
    int deliverPending() {
        List<PendingReply> all = pending.claimDue(replica.id(), Duration.ZERO, MAX_CLAIMED, !replica.sharesStore());
        if (!all.isEmpty()) {
            LOG.warn("{} reply(ies) acknowledged before were never confirmed by Slack: posting them now "
                    + "(those that may have been posted are looked up first)", all.size());
        }
        all.forEach(reply -> deliver(reply, List.of()));
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return all.size();
    }

    /** What is owed, as the last sweep saw it. */
    OwedReplies owed() {
        return owed;
    }

    /** Posts the reply a stored alert owes, then the security page it owes, in that order. */
    CompletableFuture<Void> deliver(Received received, List<String> notices) {
        CompletableFuture<Void> reply = received.reply().map(r -> deliver(r, notices))
                .orElse(CompletableFuture.completedFuture(null));
        return received.escalation().map(page -> reply.thenCompose(done -> deliver(page, List.of()))).orElse(reply);
    }

    /**
     * Posts {@code reply} unless this process is posting it already or it is no longer owed;
     * {@code notices} go on a triage message. The reply is cleared once Slack confirms it.
     */
    CompletableFuture<Void> deliver(PendingReply reply, List<String> notices) {
        if (!inFlight.add(reply.id())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<PostResult> posted;
        try {
            if (!pending.claim(reply, replica.id())) {
                // confirmed already, or another replica holds it
                inFlight.remove(reply.id());
                return CompletableFuture.completedFuture(null);
            }
            posted = switch (reply.kind()) {
                case TRIAGE -> triage(reply, notices);
                case POINTER -> pointer(reply);
                case RECOVERY -> recovery(reply);
                case ESCALATION -> page(reply);
            };
        } catch (RuntimeException e) {
            posted = CompletableFuture.failedFuture(e);
        }
        return posted.handle((result, failure) -> {
            try {
                settle(reply, result, failure);
            } finally {
                inFlight.remove(reply.id());
            }
            return null;
        });
    }

    private void settle(PendingReply reply, PostResult result, Throwable failure) {
        if (failure != null || result.status() == PostResult.Status.OWED) {
            LOG.warn("{}: the {} reply in {} is not confirmed by Slack{}; it stays owed and is tried again within {} s",
                    reply.incident(), reply.kind().id(), reply.channel(),
                    failure != null ? ": " + failure.getMessage() : " (" + result.error() + ")", SWEEP_EVERY.toSeconds());
            return;
        }
        if (result.status() == PostResult.Status.REFUSED) {
            LOG.error("{}: Slack refused the {} reply in {} for good ({}); it is no longer owed", reply.incident(),
                    reply.kind().id(), reply.channel(), result.error());
            metrics.replyRefused(reply.kind().id());
        }
        try {
            pending.done(reply);
        } catch (RuntimeException e) {
            LOG.error("{}: the {} reply was posted but is still marked owed ({}); the next delivery finds it in Slack "
                    + "and does not post it again", reply.incident(), reply.kind().id(), e.getMessage());
        }
    }

    /** A post of {@code reply}, tagged with it and marked attempted just before it first leaves. */
    private ChatPost tagged(PendingReply reply, String threadTs, String text, List<LayoutBlock> blocks) {
        return new ChatPost(reply.channel(), threadTs, text, blocks, ReplyTag.ofReply(reply.incident().toString(), reply.id()),
                reply.attemptedAt(), () -> pending.attempting(List.of(reply)));
    }

    private CompletableFuture<PostResult> triage(PendingReply reply, List<String> notices) {
        if (reply.threadTs() == null) {
            Optional<CompletableFuture<PostResult>> digest = storm.fold(reply, store.require(reply.incident()));
            if (digest.isPresent()) {
                return digest.get();
            }
        }
        return messages.post(reply.incident(), notices, message -> tagged(reply, reply.threadTs(), message.text(),
                message.blocks()));
    }

    private CompletableFuture<PostResult> pointer(PendingReply reply) {
        Incident incident = store.require(reply.incident());
        messages.refresh(incident.key());
        if (reply.threadTs() == null || !throttle.allow(incident.key())) {
            return CompletableFuture.completedFuture(PostResult.nothingToPost());
        }
        String where = incident.channel() == null ? "" : web.permalink(incident.channel(), incident.threadTs())
                .map(url -> " — triage in <" + url + "|thread ↗>").orElse(" — triage in <#" + incident.channel() + ">");
        String text = "Repeat " + incident.alertCount() + " of " + incident.key() + where;
        return web.post(tagged(reply, reply.threadTs(), text, null));
    }

    private CompletableFuture<PostResult> recovery(PendingReply reply) {
        Incident incident = store.require(reply.incident());
        messages.refresh(incident.key());
        if (incident.threadTs() == null) {
            // no triage thread (folded in a storm): nowhere quiet to say it
            return CompletableFuture.completedFuture(PostResult.nothingToPost());
        }
        String text = incident.status() == IncidentStatus.RESOLVED
                ? ":white_check_mark: The source reports recovery: " + incident.key() + " was resolved automatically "
                        + "(DATAOPS_AUTO_RESOLVE)."
                : ":large_green_circle: The source reports recovery: " + incident.key() + " is marked mitigated. Resolving "
                        + "stays a human decision: press Resolve or use `/dataops resolve " + incident.key() + " <what fixed it>`.";
        return web.post(tagged(reply, reply.threadTs(), text, null));
    }

    private CompletableFuture<PostResult> page(PendingReply reply) {
        Incident incident = store.require(reply.incident());
        return escalation.text(incident, triageMessages.find(reply.incident()))
                .map(text -> web.post(tagged(reply, null, text, null)))
                .orElse(CompletableFuture.completedFuture(PostResult.nothingToPost()));
    }

    /**
     * Renews this replica's claims, takes over replies whose claims lapsed (a replica died), retries
     * what is still owed and not in flight, and reports what is overdue.
     */
    private void sweep() {
        try {
            Instant now = clock.instant();
            for (PendingReply reply : pending.claimDue(replica.id(), SETTLE, MAX_CLAIMED, false)) {
                if (!inFlight.contains(reply.id())) {
                    deliver(reply, List.of());
                }
            }
            List<PendingReply> all = pending.all();
            int overdue = 0;
            for (PendingReply reply : all) {
                Duration age = Duration.between(reply.createdAt(), now);
                if (age.compareTo(OVERDUE) > 0) {
                    overdue++;
                    if (reportedOverdue.add(reply.id())) {
                        LOG.error("{}: the {} reply in {} is owed for {} min, over the {} min limit: Slack has not confirmed "
                                + "it; still trying", reply.incident(), reply.kind().id(), reply.channel(), age.toMinutes(),
                                OVERDUE.toMinutes());
                    }
                }
            }
            owed = new OwedReplies(all.size(), overdue, all.stream().map(PendingReply::createdAt).min(Instant::compareTo),
                    OVERDUE);
        } catch (RuntimeException e) {
            LOG.error("cannot sweep the owed replies: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
