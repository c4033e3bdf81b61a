package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.slack.message.StormDigestMessage;
import dev.dataopsbot.bot.slack.web.ChatPost;
import dev.dataopsbot.bot.slack.web.PostResult;
import dev.dataopsbot.bot.slack.web.ReplyTag;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.ChannelLeases;
import dev.dataopsbot.knowledge.incident.PendingReplies;
import dev.dataopsbot.knowledge.incident.PendingReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert storms in a channel: when new top-level triage messages (webhook alerts) would queue more
 * than {@link #BACKLOG} posts behind Slack's one-a-second pacing, further incidents get no
 * message of their own; every {@link #EVERY} one digest ({@link StormDigestMessage}) lists them
 * instead, so the channel stays current. The digest is tagged with every reply it settles, and
 * each folded reply stays owed until Slack confirms the digest: a digest lost to a crash or an
 * outage is made good after a restart (or the next sweep), never assumed. A reply that may
 * already have been posted (attempted before) never folds: it is looked up on its own. Of several
 * replicas sharing a store, the one holding a channel's lease ({@link ChannelLeases}) digests it;
 * the others post their replies there one by one.
 */
final class StormDigest implements AutoCloseable {

    static final int BACKLOG = 5;
    static final Duration EVERY = Duration.ofSeconds(5);
    /** A channel's digests stay with one replica this long after it last started one there. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(StormDigest.class);

    /** The replies waiting for one channel's next digest, and the digest's outcome once posted. */
    private static final class Batch {
        final List<PendingReply> replies = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
        final CompletableFuture<PostResult> posted = new CompletableFuture<>();
    }

    private final SlackWebApi web;
    private final PendingReplies pending;
    private final ChannelLeases leases;
    private final Replica replica;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataops-storm-digest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Batch> folded = new HashMap<>();

    StormDigest(SlackWebApi web, PendingReplies pending, ChannelLeases leases, Replica replica) {
        this.web = web;
        this.pending = pending;
        this.leases = leases;
        this.replica = replica;
    }

    /**
     * Whether this replica may digest {@code channel} now: it takes or renews the channel's lease
     * for {@link #LEASE} (a store nobody shares needs none). A database that cannot answer means
     * no digest: the replies are posted one by one, which loses nothing.
     */
    private boolean holdsChannel(String channel) {
        if (!replica.sharesStore()) {
            return true;
        }
        try {
            return leases.hold(channel, replica.id(), LEASE);
        } catch (RuntimeException e) {
            LOG.warn("cannot take the digest lease of {}: {}", channel, e.getMessage());
            return false;
        }
    }

    /**
     * Folds {@code reply} (a top-level triage message for {@code incident}) into its channel's
     * next digest when the channel is in a storm.
     *
     * @return the digest's outcome, which settles the reply; empty when the reply is posted on its own
     */
    synchronized Optional<CompletableFuture<PostResult>> fold(PendingReply reply, Incident incident) {
        if (reply.attempted()) {
            return Optional.empty();
        }
        Batch batch = folded.get(reply.channel());
        if (batch == null) {
            if (web.pendingPosts(reply.channel()) < BACKLOG) {
                return Optional.empty();
            }
            if (!holdsChannel(reply.channel())) {
                return Optional.empty();  // another replica digests this channel; this one posts its replies one by one
            }
            batch = new Batch();
            try {
                timer.schedule(() -> flush(reply.channel()), EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return Optional.empty();
            }
            folded.put(reply.channel(), batch);
        }
        batch.replies.add(reply);
        batch.incidents.add(incident);
        return Optional.of(batch.posted);
    }

    private void flush(String channel) {
        Batch batch;
        synchronized (this) {
            batch = folded.remove(channel);
        }
        if (batch == null) {
            return;
        }
        LOG.warn("alert storm in {}: {} triage message(s) folded into a digest", channel, batch.incidents.size());
        List<String> deliveries = batch.replies.stream().map(r -> ReplyTag.delivery(r.id())).toList();
        ChatPost digest = new ChatPost(channel, null, new StormDigestMessage().render(batch.incidents), null,
                new ReplyTag(batch.incidents.stream().map(i -> i.key().toString()).toList(), deliveries), null, () -> pending.attempting(batch.replies));
        web.post(digest).whenComplete((result, failure) -> {
            if (failure != null) {
                batch.posted.completeExceptionally(failure);
            } else {
                batch.posted.complete(result);
            }
        });
    }

    /**
     * Stops the timer and posts the digests still waiting (into the channel's lane, so within the
     * shutdown's drain time); what is not confirmed by then stays owed.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        List<String> channels;
        synchronized (this) {
            channels = List.copyOf(folded.keySet());
        }
        channels.forEach(this::flush);
    }
}
