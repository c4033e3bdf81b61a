package dev.dataopsbot.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import dev.dataopsbot.bot.fake.SignedRequests;

/**
 * A load generator: a fixed pool of senders, each sending signed {@code /dataops} slash commands
 * one after another until the batch is done. A request's latency runs from handing it to the
 * HTTP client (already signed) to having read the whole response: the ack Slack waits for.
 */
final class SlashCommandLoad {

    /** What a batch measured: latencies of the 200 answers in nanoseconds, other statuses, failures. */
    record Result(long[] latencies, int non200, int failures, String firstProblem, String firstBody, long elapsedNanos) {

        /** Nearest-rank percentile in milliseconds. */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }

        double maxMillis() {
            return percentileMillis(100);
        }

        double perSecond() {
            return (latencies.length + non200 + failures) / (elapsedNanos / 1e9);
        }
    }

    /** Slack gives up after 3 s; a request still unanswered after 10 s counts as a failure. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final URI endpoint;
    private final String secret;
    private final int senders;

    SlashCommandLoad(HttpClient http, URI endpoint, String secret, int senders) {
        this.http = http;
        this.endpoint = endpoint;
        this.secret = secret;
        this.senders = senders;
    }

    /**
     * Sends {@code count} commands: request {@code n} has text {@code text.apply(n)}, comes from
     * channel {@code channel.apply(n)} and has response URL {@code responseUrl.apply(n)}.
     */
    Result send(int count, IntFunction<String> text, IntFunction<String> channel, IntFunction<String> responseUrl)
            throws InterruptedException {
        long[] latencies = new long[count];
        boolean[] ok = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger non200 = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        AtomicReference<String> firstBody = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        try {
                            HttpRequest request = HttpRequest.newBuilder(SignedRequests.slashCommand(endpoint, text.apply(n),
                                    channel.apply(n), responseUrl.apply(n), Instant.now(), secret), (name, value) -> true).timeout(TIMEOUT).build();
                            long sent = System.nanoTime();
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[n] = System.nanoTime() - sent;
                            if (response.statusCode() == 200) {
                                ok[n] = true;
                                firstBody.compareAndSet(null, response.body());
                            } else {
                                non200.incrementAndGet();
                                firstProblem.compareAndSet(null, "HTTP " + response.statusCode() + ": " + response.body());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstProblem.compareAndSet(null, e.toString());
                        }
                    }
                }));
            }
            for (Future<?> sender : running) {
                try {
                    sender.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sender stopped: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        long[] answered = new long[count];
        int k = 0;
        for (int n = 0; n < count; n++) {
            if (ok[n]) {
                answered[k++] = latencies[n];
            }
        }
        return new Result(Arrays.copyOf(answered, k), non200.get(), failures.get(), firstProblem.get(), firstBody.get(), elapsed);
    }

    /** An HTTP/1.1 client (keep-alive connections, no HTTP/2 upgrade attempt on plain http). */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
