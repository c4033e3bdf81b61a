package dev.dataopsbot.bot.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes that request bodies may hold in memory at once, shared by every endpoint that reads
 * one. A request reserves what its body may take before reading it and gives it back when it has
 * been answered; when the budget is spent it waits up to {@code wait} for others to finish and is
 * then answered 503. Jetty runs up to 200 requests at once on a heap of 128 MB: without a shared
 * bound, 200 bodies each under its endpoint's cap could still exhaust it.
 */
final class BodyBudget {

    private final Semaphore bytes;
    private final Duration wait;

    BodyBudget(int bytes, Duration wait) {
        this.bytes = new Semaphore(bytes);
        this.wait = wait;
    }

    /** Reserves {@code size} bytes, waiting up to the configured time; 503 when they do not free up. */
    Reservation reserve(int size) throws RejectedRequest {
        try {
            if (bytes.tryAcquire(size, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Reservation(size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RejectedRequest(503, "busy", "too many requests are being read at once; retry in a few seconds");
    }

    /** Bytes not reserved right now. */
    int available() {
        return bytes.availablePermits();
    }

    /** Bytes held for one request; closing gives them back (once). */
    final class Reservation implements AutoCloseable {

        private int held;

        private Reservation(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            int size = held;
            held = 0;
            bytes.release(size);
        }
    }
}
