package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.metrics.BotMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void work_that_finds_every_worker_busy_waits_and_runs_once_a_worker_is_free() throws Exception {
        try (BackgroundWork work = new BackgroundWork(1, 1, Duration.ofMillis(20), Duration.ofSeconds(30), new BotMetrics(registry))) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ran = new CountDownLatch(1);
            assertEquals(BackgroundWork.Admission.ACCEPTED, work.submit("blocker", () -> await(release), () -> { }));
            assertEquals(BackgroundWork.Admission.ACCEPTED, work.submit("queued", () -> { }, () -> { }));

            assertEquals(BackgroundWork.Admission.RETRYING, work.submit("late", ran::countDown, () -> { }));
            assertEquals(1, ran.getCount(), "it must not run while the worker is blocked");
            release.countDown();

            assertTrue(ran.await(10, TimeUnit.SECONDS), "the deferred work never ran");
            assertEquals(1.0, registry.get("dataops.busy").counter().count());
        }
    }

    @Test
    void work_that_never_finds_a_worker_runs_its_give_up_callback() throws Exception {
        try (BackgroundWork work = new BackgroundWork(1, 1, Duration.ofMillis(10), Duration.ofMillis(100), new BotMetrics(registry))) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch gaveUp = new CountDownLatch(1);
            work.submit("blocker", () -> await(release), () -> { });
            work.submit("queued", () -> { }, () -> { });
            work.submit("late", () -> { throw new AssertionError("must not run"); }, gaveUp::countDown);

            assertTrue(gaveUp.await(10, TimeUnit.SECONDS), "give-up callback never ran");
            release.countDown();
        }
    }

    @Test
    void a_failing_task_does_not_kill_its_worker() throws Exception {
        try (BackgroundWork work = new BackgroundWork(1, 10, new BotMetrics(registry))) {
            CountDownLatch ran = new CountDownLatch(1);
            work.submit("boom", () -> { throw new IllegalStateException("boom"); }, () -> { });
            work.submit("after", ran::countDown, () -> { });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
