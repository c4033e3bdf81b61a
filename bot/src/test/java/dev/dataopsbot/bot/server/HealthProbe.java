package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a starting {@code serve} to answer {@code GET /healthz} with 200, as a readiness probe would. */
public final class HealthProbe {

    private HealthProbe() {
    }

    /**
     * Asks {@code healthz} until it answers 200, {@code timeout} passes or {@code alive} turns false
     * (the server died); a refused connection counts as not ready yet.
     *
     * @return whether it answered 200
     */
    public static boolean awaitHealthy(HttpClient http, URI healthz, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(healthz).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the JVM starts
            }
            Thread.sleep(100);
        }
        return false;
    }
}
