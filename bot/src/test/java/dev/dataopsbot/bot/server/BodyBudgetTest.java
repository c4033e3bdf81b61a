package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void a_request_that_does_not_fit_waits_briefly_then_gets_503() throws Exception {
        BodyBudget budget = new BodyBudget(1000, Duration.ofMillis(200));
        try (BodyBudget.Reservation held = budget.reserve(800)) {
            long start = System.nanoTime();
            RejectedRequest busy = assertThrows(RejectedRequest.class, () -> budget.reserve(300));
            assertEquals(503, busy.status());
            assertEquals("busy", busy.reason());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190), "it waited");
            budget.reserve(200).close();
        }
        assertEquals(1000, budget.available());
    }

    @Test
    void a_waiting_request_goes_on_when_another_gives_its_bytes_back() throws Exception {
        BodyBudget budget = new BodyBudget(1000, Duration.ofSeconds(5));
        BodyBudget.Reservation held = budget.reserve(1000);
        CompletableFuture<BodyBudget.Reservation> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(600);
            } catch (RejectedRequest e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        held.close();
        held.close();
        waiting.get(5, TimeUnit.SECONDS).close();
        assertEquals(1000, budget.available(), "closing twice gives back once");
    }
}
