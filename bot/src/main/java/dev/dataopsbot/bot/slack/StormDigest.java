package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.slack.message.StormDigestMessage;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert storms in a channel: when new top-level triage messages (webhook alerts) would queue more
 * than {@link #BACKLOG} posts behind Slack's one-a-second pacing, further incidents get no
 * message of their own; every {@link #EVERY} one digest ({@link StormDigestMessage}) lists them
 * instead, so the channel stays current. The incidents themselves are stored as always; {@code /dataops incidents} lists them.
 */
final class StormDigest implements AutoCloseable {

    static final int BACKLOG = 5;
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(StormDigest.class);

    private final SlackWebApi web;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataops-storm-digest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, List<Incident>> folded = new HashMap<>();

    StormDigest(SlackWebApi web) {
        this.web = web;
    }

    /** True when {@code incident}'s triage message is folded into {@code channel}'s next digest instead of posted. */
    synchronized boolean fold(String channel, Incident incident) {
        List<Incident> waiting = folded.get(channel);
        if (waiting == null) {
            if (web.pendingPosts(channel) < BACKLOG) {
                return false;
            }
            waiting = new ArrayList<>();
            folded.put(channel, waiting);
            try {
                timer.schedule(() -> flush(channel), EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                folded.remove(channel);
                return false;
            }
        }
        waiting.add(incident);
        return true;
    }

    private void flush(String channel) {
        List<Incident> incidents;
        synchronized (this) {
            incidents = folded.remove(channel);
        }
        if (incidents == null || incidents.isEmpty()) {
            return;
        }
        LOG.warn("alert storm in {}: {} triage message(s) folded into a digest", channel, incidents.size());
        web.post(channel, null, new StormDigestMessage().render(incidents), null, "storm digest");
    }

    /** Stops the timer and posts the digests still waiting, so that no folded incident goes unmentioned. */
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
