package dev.dataopsbot.bot.slack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ChannelOutboxTest {

    @Test
    void sends_hanging_in_more_channels_than_there_are_slots_delay_a_healthy_channel_by_less_than_a_second()
            throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        try (ChannelOutbox outbox = new ChannelOutbox(Duration.ofMillis(10))) {
            for (int c = 0; c < ChannelOutbox.FRESH_SENDS * 2; c++) {
                outbox.submit("STUCK" + c, () -> {
                    try {
                        return stuck.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });
            }
            Thread.sleep(100);
            long start = System.nanoTime();
            assertEquals("sent", outbox.submit("HEALTHY", () -> "sent").get(5, TimeUnit.SECONDS));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1000, "a healthy channel waited " + millis + " ms");
            stuck.countDown();
        }
    }

    @Test
    void no_more_than_the_fresh_slots_run_at_once_and_each_channel_keeps_its_order() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        List<Integer> orderInC0 = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ChannelOutbox outbox = new ChannelOutbox(Duration.ofMillis(1))) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                sent.add(outbox.submit("C" + (i % 20), () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (n % 20 == 0) {
                        orderInC0.add(n);
                    }
                    running.decrementAndGet();
                    return n;
                }));
            }
            for (CompletableFuture<Integer> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        assertTrue(most.get() <= ChannelOutbox.FRESH_SENDS, "at most " + ChannelOutbox.FRESH_SENDS + " at once: " + most.get());
        List<Integer> sorted = new ArrayList<>(orderInC0);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, orderInC0, "one channel's posts go out in the order queued");
    }
}
