package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dataopsbot.bot.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded executor where everything after Slack's ack runs: triage, store writes, Web API
 * calls. When every worker is busy and the queue is full, the work is not dropped: it is offered
 * again every 250 ms for up to 30 s (by default), and only then is the give-up
 * callback run (to tell the user). A failing task is logged with what it was about. Work waiting
 * for a worker keeps no order with work submitted later.
 */
final class BackgroundWork implements AutoCloseable {

    /** Whether work started (or queued) at once, or is waiting for a free worker. */
    enum Admission {
        ACCEPTED, RETRYING
    }

    static final Duration RETRY_EVERY = Duration.ofMillis(250);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService retries;
    private final BotMetrics metrics;
    private final Duration retryEvery;
    private final Duration giveUpAfter;

    BackgroundWork(int threads, int queueCapacity, BotMetrics metrics) {
        this(threads, queueCapacity, RETRY_EVERY, GIVE_UP_AFTER, metrics);
    }

    BackgroundWork(int threads, int queueCapacity, Duration retryEvery, Duration giveUpAfter, BotMetrics metrics) {
        this.retryEvery = retryEvery;
        this.giveUpAfter = giveUpAfter;
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), named("dataops-work"), new ThreadPoolExecutor.AbortPolicy());
        this.retries = Executors.newSingleThreadScheduledExecutor(named("dataops-work-retry"));
        this.metrics = metrics;
    }

    /**
     * Runs {@code task} on a worker.
     *
     * @param about  what the task is for, for the log (never secret text)
     * @param giveUp runs when no worker freed up within {@link #GIVE_UP_AFTER}
     */
    Admission submit(String about, Runnable task, Runnable giveUp) {
        Runnable guarded = guard(about, task);
        if (offer(guarded)) {
            return Admission.ACCEPTED;
        }
        metrics.busy();
        LOG.warn("every worker is busy: {} waits for one", about);
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        scheduleRetry(about, guarded, guard(about, giveUp), deadline);
        return Admission.RETRYING;
    }

    private void scheduleRetry(String about, Runnable task, Runnable giveUp, long deadline) {
        try {
            retries.schedule(() -> {
                if (offer(task)) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    LOG.error("gave up on {}: no worker was free for {} ms", about, giveUpAfter.toMillis());
                    giveUp.run();
                } else {
                    scheduleRetry(about, task, giveUp, deadline);
                }
            }, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("shutting down: {} was not run", about);
        }
    }

    private boolean offer(Runnable task) {
        try {
            workers.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static Runnable guard(String about, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("failed: {}", about, e);
            }
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops taking work and waits up to {@code wait} for running and queued work to finish. */
    void shutdown(Duration wait) throws InterruptedException {
        retries.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("{} background task(s) still running at shutdown", workers.getActiveCount() + workers.getQueue().size());
            workers.shutdownNow();
        }
    }

    @Override
    public void close() {
        try {
            shutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
