package dev.dataopsbot.bot.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request {@code n} is due at {@code start + n / rate} whatever the
 * server does, and is handed to a pool of senders at that moment, so slow answers never slow the
 * rate. A request's latency runs from when it was due to having read the whole response, so time
 * spent waiting for a free sender counts against the server (no coordinated omission).
 */
final class OpenLoopSender {

    /**
     * What one batch saw, indexed by request: HTTP status (0 when the request failed), the body,
     * latency from the due time in nanoseconds, and the wall-clock moment the request was sent.
     */
    record Result(int[] statuses, String[] bodies, long[] latencies, Instant[] sentAt, long[] lateNanos,
                  String firstFailure, long firstSentNanos, long lastSentNanos) {

        int count() {
            return statuses.length;
        }

        int non200() {
            int n = 0;
            for (int status : statuses) {
                if (status != 200) {
                    n++;
                }
            }
            return n;
        }

        /** Latencies of the requests answered 200. */
        Latencies answered() {
            long[] ok = new long[count()];
            int k = 0;
            for (int n = 0; n < count(); n++) {
                if (statuses[n] == 200) {
                    ok[k++] = latencies[n];
                }
            }
            return new Latencies(Arrays.copyOf(ok, k));
        }

        /** Requests per second between the first and the last send. */
        double achievedRate() {
            long span = lastSentNanos - firstSentNanos;
            return count() < 2 || span <= 0 ? Double.NaN : (count() - 1) / (span / 1e9);
        }

        /** The largest delay between a request's due time and its send, in milliseconds. */
        double maxSendLagMillis() {
            long max = 0;
            for (long lag : lateNanos) {
                max = Math.max(max, lag);
            }
            return max / 1e6;
        }
    }

    /** A request still unanswered after this long counts as failed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final int senders;

    OpenLoopSender(HttpClient http, int senders) {
        this.http = http;
        this.senders = senders;
    }

    /**
     * Sends {@code count} requests at {@code perSecond}; {@code request.apply(n)} builds request
     * {@code n} when it is due (so a signature's timestamp is fresh). Returns once all are answered.
     */
    Result send(int count, double perSecond, IntFunction<HttpRequest> request) throws InterruptedException {
        int[] statuses = new int[count];
        String[] bodies = new String[count];
        long[] latencies = new long[count];
        long[] lateNanos = new long[count];
        long[] sentNanos = new long[count];
        Instant[] sentAt = new Instant[count];
        String[] firstFailure = new String[1];
        long period = Math.round(1e9 / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                long due = start + n * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                pool.execute(() -> {
                    try {
                        HttpRequest built = HttpRequest.newBuilder(request.apply(n), (name, value) -> true)
                                .timeout(TIMEOUT).build();
                        sentAt[n] = Instant.now();
                        sentNanos[n] = System.nanoTime();
                        lateNanos[n] = sentNanos[n] - due;
                        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                        latencies[n] = System.nanoTime() - due;
                        bodies[n] = response.body();
                        statuses[n] = response.statusCode();
                        if (response.statusCode() != 200) {
                            remember(firstFailure, "HTTP " + response.statusCode() + ": " + response.body());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        latencies[n] = System.nanoTime() - due;
                        remember(firstFailure, e.toString());
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                remember(firstFailure, "requests still running " + (TIMEOUT.toSeconds() + 30) + " s after the last was due");
            }
        } finally {
            pool.shutdownNow();
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long sent : sentNanos) {
            if (sent != 0) {
                first = Math.min(first, sent);
                last = Math.max(last, sent);
            }
        }
        return new Result(statuses, bodies, latencies, sentAt, lateNanos, firstFailure[0], first, last);
    }

    private static void remember(String[] firstFailure, String problem) {
        synchronized (firstFailure) {
            if (firstFailure[0] == null) {
                firstFailure[0] = problem;
            }
        }
    }
}
