package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints beside Slack's: readiness and metrics (the Slack endpoint is tested in the slack package). */
class BotServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private BotServer server;

    @BeforeEach
    void start() throws Exception {
        server = BotServer.start(0, Optional.empty(), Optional.empty(), null, registry, ready::get);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void healthz_says_whether_the_bot_is_ready() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        ready.set(false);
        assertEquals(503, get("/healthz").statusCode());
    }

    @Test
    void metrics_are_the_registry_in_prometheus_text_format() throws Exception {
        Counter.builder("dataops.test.things").register(registry).increment(3);
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        assertTrue(metrics.body().contains("dataops_test_things_total 3.0"), metrics.body());
    }

    @Test
    void without_a_slack_app_there_is_no_slack_endpoint() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString("payload={}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 404 || response.statusCode() == 405, "status " + response.statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
