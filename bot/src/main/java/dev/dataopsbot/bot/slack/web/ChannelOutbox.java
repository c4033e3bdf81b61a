package dev.dataopsbot.bot.slack.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Posts to each channel one at a time, at least {@code interval} apart (Slack allows about one
 * message per second per channel), without holding the caller: posts wait in their channel's
 * lane. A timer thread only schedules; each send runs on a thread of its own from a cached pool,
 * so a channel whose posts hang (a stuck Slack shard, a long Retry-After) holds only its own
 * lane and never a thread another channel needs. At most one send per channel is in flight. So
 * that hundreds of busy channels do not take the CPU from acknowledging requests, at most
 * {@link #FRESH_SENDS} sends run that started less than {@link #SLOW_AFTER} ago; a send older than
 * that is slow or stuck and no longer holds a slot, so it delays the others by at most that
 * long. One lane is kept per channel ever posted to, bounded by the workspace's channels.
 */
final class ChannelOutbox implements AutoCloseable {

    static final int FRESH_SENDS = 4;
    static final Duration SLOW_AFTER = Duration.ofMillis(500);

    private final long intervalNanos;
    private final AtomicInteger fresh = new AtomicInteger();
    private final Deque<Lane> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    ChannelOutbox(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("dataops-slack-pacing", new AtomicInteger()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("dataops-slack-post-", new AtomicInteger()));
        this.senders = pool;
    }

    private static ThreadFactory daemon(String name, AtomicInteger count) {
        return runnable -> {
            Thread thread = new Thread(runnable, name.endsWith("-") ? name + count.incrementAndGet() : name);
            thread.setDaemon(true);
            return thread;
        };
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

    /** Starts the sends of waiting lanes, oldest first, while fewer than {@link #FRESH_SENDS} fresh ones run. */
    private void dispatch() {
        while (true) {
            Lane next;
            synchronized (waiting) {
                if (fresh.get() >= FRESH_SENDS || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                fresh.incrementAndGet();
            }
            start(next);
        }
    }

    /** Runs {@code lane}'s next send; its slot is given back when it ends or once it is {@link #SLOW_AFTER} old. */
    private void start(Lane lane) {
        AtomicBoolean holding = new AtomicBoolean(true);
        Runnable release = () -> {
            if (holding.compareAndSet(true, false)) {
                fresh.decrementAndGet();
                dispatch();
            }
        };
        try {
            timer.schedule(release, SLOW_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            senders.execute(() -> {
                try {
                    lane.sendOne();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            lane.stopped();  // shutting down: what is left is not sent
        }
    }

    private final class Lane {

        private final Deque<Runnable> pending = new ArrayDeque<>();
        private boolean sending;
        private boolean inFlight;
        private long nextFree = System.nanoTime();

        synchronized void add(Runnable post) {
            pending.add(post);
            if (!sending) {
                sending = true;
                scheduleNext();
            }
        }

        synchronized int size() {
            return pending.size() + (inFlight ? 1 : 0);
        }

        private void scheduleNext() {
            try {
                timer.schedule(this::startSend, Math.max(0, nextFree - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                sending = false;  // shutting down: what is left is not sent
            }
        }

        private void startSend() {
            synchronized (waiting) {
                waiting.add(this);
            }
            dispatch();
        }

        synchronized void stopped() {
            sending = false;
        }

        private void sendOne() {
            Runnable post;
            synchronized (this) {
                post = pending.poll();
                inFlight = post != null;
            }
            try {
                if (post != null) {
                    post.run();
                }
            } finally {
                synchronized (this) {
                    inFlight = false;
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

    /**
     * Sends what is queued for up to {@code wait}, then stops; posts still queued or in flight
     * then are not sent (their owners keep what is owed).
     */
    void shutdown(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (pending() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        timer.shutdown();
        senders.shutdown();
        senders.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
