package dev.dataopsbot.bot.slack.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Posts to each channel one at a time, at least {@code interval} apart (Slack allows about one
 * message per second per channel), without holding the caller: posts wait in their channel's
 * lane and a small scheduler sends them. A busy channel therefore delays only its own posts.
 * One lane is kept per channel ever posted to, which is bounded by the workspace's channels.
 */
final class ChannelOutbox implements AutoCloseable {

    private final long intervalNanos;
    private final ScheduledExecutorService senders;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    ChannelOutbox(Duration interval, int senderThreads) {
        this.intervalNanos = interval.toNanos();
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newScheduledThreadPool(senderThreads, runnable -> {
            Thread thread = new Thread(runnable, "dataops-slack-post-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code send} behind the channel's earlier posts; the future completes with its result. */
    <T> CompletableFuture<T> submit(String channel, Supplier<T> send) {
        CompletableFuture<T> result = new CompletableFuture<>();
        lanes.computeIfAbsent(channel, c -> new Lane()).add(() -> {
            try {
                result.complete(send.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Posts waiting in every lane. */
    int pending() {
        return lanes.values().stream().mapToInt(Lane::size).sum();
    }

    /** Posts waiting for {@code channel}'s turn. */
    int pending(String channel) {
        Lane lane = lanes.get(channel);
        return lane == null ? 0 : lane.size();
    }

    private final class Lane {

        private final Deque<Runnable> pending = new ArrayDeque<>();
        private boolean sending;
        private long nextFree = System.nanoTime();

        synchronized void add(Runnable post) {
            pending.add(post);
            if (!sending) {
                sending = true;
                scheduleNext();
            }
        }

        synchronized int size() {
            return pending.size();
        }

        private void scheduleNext() {
            try {
                senders.schedule(this::sendOne, Math.max(0, nextFree - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                sending = false;  // shutting down: what is left is not sent
            }
        }

        private void sendOne() {
            Runnable post;
            synchronized (this) {
                post = pending.poll();
            }
            try {
                if (post != null) {
                    post.run();
                }
            } finally {
                synchronized (this) {
                    nextFree = System.nanoTime() + intervalNanos;
                    if (pending.isEmpty()) {
                        sending = false;
                    } else {
                        scheduleNext();
                    }
                }
            }
        }
    }

    /** Sends what is queued for up to {@code wait}, then stops; posts still queued then are dropped. */
    void shutdown(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (pending() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        senders.shutdown();
        senders.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
