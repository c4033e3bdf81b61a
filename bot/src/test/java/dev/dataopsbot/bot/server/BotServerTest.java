package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.slack.SlackBot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotServerTest {

    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private FakeSlackApi slack;
    private BotServer server;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlackApi();
        SlackConfig config = SlackConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", slack.apiUrl()));
        server = BotServer.start(0, SlackBot.create(config), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready::get);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        slack.close();
    }

    @Test
    void a_signed_help_command_is_answered() throws Exception {
        HttpResponse<String> response = slash("help", Instant.now(), SIGNING_SECRET);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("/dataops help"), response.body());
    }

    @Test
    void an_unknown_subcommand_gets_help_not_an_error() throws Exception {
        HttpResponse<String> response = slash("frobnicate now", Instant.now(), SIGNING_SECRET);
        assertEquals(200, response.statusCode(), response.body());
        String text = new ObjectMapper().readTree(response.body()).get("text").asText();
        assertTrue(text.startsWith("I don't know `frobnicate`."), text);
    }

    @Test
    void bad_missing_stale_and_future_signatures_are_rejected_with_401() throws Exception {
        assertEquals(401, slash("help", Instant.now(), "not-the-secret").statusCode());
        assertEquals(401, slash("help", Instant.now().minus(Duration.ofMinutes(6)), SIGNING_SECRET).statusCode());
        assertEquals(401, slash("help", Instant.now().plus(Duration.ofMinutes(6)), SIGNING_SECRET).statusCode());
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(url("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("command=%2Fdataops&text=help")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());
    }

    @Test
    void healthz_says_whether_the_bot_is_ready_and_metrics_are_prometheus_text() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        ready.set(false);
        assertEquals(503, get("/healthz").statusCode());
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> slash(String text, Instant at, String secret) throws Exception {
        return http.send(SignedRequests.slashCommand(url("/slack/events"), text, at, secret), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
