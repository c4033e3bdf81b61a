package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.StorageHealth;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.config.Secret;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints beside Slack's: readiness, metrics and the error answers of every path (the Slack
 * endpoint is tested in the slack package).
 */
class BotServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicReference<StorageHealth> storage = new AtomicReference<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private BotServer server;

    @BeforeEach
    void start() throws Exception {
        server = BotServer.start(0, Optional.empty(), Optional.empty(), null, registry, () -> !ready.get()
                ? HealthReport.starting()
                : storage.get() == null ? new HealthReport(true, Optional.empty(), -1, 0, 0, Optional.empty(), Duration.ZERO)
                : new HealthReport(true, storage.get().status().problem(), storage.get().status().freeBytes(), 2, 0,
                        Optional.of(Instant.now().minusSeconds(30)), Duration.ofMinutes(10)));
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
    void healthz_is_503_with_the_reason_while_another_process_holds_the_database_lock_and_200_again_after(@TempDir Path dir)
            throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(dir)) {
            storage.set(new StorageHealth(db, Clock.systemUTC(), 0));
            HttpResponse<String> healthy = get("/healthz");
            assertEquals(200, healthy.statusCode(), healthy.body());
            JsonNode detail = new ObjectMapper().readTree(healthy.body());
            assertEquals("ok", detail.path("database").asText(), healthy.body());
            assertEquals(2, detail.path("replies_owed").asInt(), healthy.body());
            assertTrue(detail.path("oldest_owed_seconds").asInt() >= 30, healthy.body());
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file().orElseThrow());
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                Thread.sleep(1100);  // past the cached answer
                HttpResponse<String> locked = get("/healthz");
                assertEquals(503, locked.statusCode(), locked.body());
                assertTrue(locked.body().contains("locked by another process"), locked.body());
                assertFalse(locked.body().contains(dir.toString()), "no server path: " + locked.body());
                lock.execute("ROLLBACK");
            }
            Thread.sleep(1100);
            assertEquals(200, get("/healthz").statusCode());
        }
    }

    @Test
    void healthz_is_503_when_the_disk_is_below_the_free_space_floor(@TempDir Path dir) throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(dir)) {
            storage.set(new StorageHealth(db, Clock.systemUTC(), Long.MAX_VALUE));
            HttpResponse<String> full = get("/healthz");
            assertEquals(503, full.statusCode(), full.body());
            assertTrue(full.body().contains("disk is nearly full"), full.body());
            assertTrue(full.body().contains("DATAOPS_MIN_FREE_MB"), full.body());
        }
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

    @Test
    void healthz_and_metrics_do_not_name_the_server() throws Exception {
        for (String path : List.of("/healthz", "/metrics")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Server").isEmpty(), path + ": " + response.headers());
        }
    }

    @Test
    void every_error_is_one_line_of_json_naming_no_exception_class_or_server() throws Exception {
        int port = server.port();
        List<String> requests = List.of(
                "GET /nope HTTP/1.1\r\nHost: x\r\n",
                "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n",
                "DELETE /metrics HTTP/1.1\r\nHost: x\r\n",
                "TRACE /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer not-to-be-echoed\r\n",
                "GET /slack/events HTTP/1.1\r\nHost: x\r\n",
                "GET /%zz HTTP/1.1\r\nHost: x\r\n",
                "GET /healthz/../../../etc/passwd HTTP/1.1\r\nHost: x\r\n",
                "GET /a/%2e%2e/healthz HTTP/1.1\r\nHost: x\r\n",
                "GET /healthz HTTP/1.1\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n",
                "FOO BAR\r\n");
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.exchange(port, request);
            String what = request.lines().findFirst().orElse("") + " -> " + answer.status() + " " + answer.body();
            assertTrue(answer.status() >= 400, what);
            assertNull(answer.header("Server"), what);
            assertSafeErrorBody(answer.body(), what);
            assertFalse(answer.body().contains("not-to-be-echoed"), what);
        }
    }

    @Test
    void an_exception_in_a_servlet_is_a_500_in_one_line_of_json() throws Exception {
        // no intake behind the webhook: accepting a valid notification throws inside the servlet
        try (BotServer broken = BotServer.start(0, Optional.empty(), Optional.of(Secret.of("hook-token")), null, registry,
                HealthReport::starting)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broken.port()
                            + "/webhooks/alertmanager")).header("Authorization", "Bearer hook-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Server").isEmpty());
            assertSafeErrorBody(response.body(), response.body());
        }
    }

    /** Empty, or {@code {"error":"..."}} on one line without an exception, a class or the server's name. */
    static void assertSafeErrorBody(String body, String what) throws Exception {
        for (String leak : List.of("Exception", "exception", "jetty", "Jetty", "org.", "java.", "Caused")) {
            assertFalse(body.contains(leak), "'" + leak + "' in " + what);
        }
        if (!body.isEmpty()) {
            assertFalse(body.strip().contains("\n"), "one line: " + what);
            assertTrue(new ObjectMapper().readTree(body).path("error").isTextual(), what);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
