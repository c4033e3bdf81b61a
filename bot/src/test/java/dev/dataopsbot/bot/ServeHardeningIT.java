package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.server.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's {@code serve} with the documented JVM flags (a 128 MB heap that exits on
 * OutOfMemoryError) against requests from someone without the signing secret: bodies of 24 and
 * 40 MiB, many at once, chunked or with a Content-Length that lies, and a bot message that would
 * make Bolt ask Slack about a bot id the sender chose. The server must refuse them all and go on
 * answering Slack. One server for both tests; the one that counts Slack calls runs first, before
 * the other's triage makes any.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeHardeningIT {

    private static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String ALERT = "Task failed. dag_id=orders_daily, task_id=load_orders. snowflake.connector.errors."
            + "ProgrammingError: 390114 (08001): Authentication token has expired.";

    @TempDir
    static Path workDir;
    private static FakeSlackApi slack;
    private static BotProcess serve;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlackApi();
        serve = BotProcess.start(JAR, PackagingTest.jvmFlags(), Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test",
                "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(),
                "DATAOPS_DATA_DIR", workDir.resolve("data").toString()), workDir.resolve("serve.log"));
        assertTrue(serve.awaitReady(HttpClient.newHttpClient(), Duration.ofSeconds(60)), "not ready: " + serve.output());
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
        slack.close();
    }

    @Test
    @Order(2)
    void unsigned_bodies_of_24_and_40_mib_at_once_get_413_and_serve_goes_on() throws Exception {
        int port = serve.endpoint("/").getPort();
        ExecutorService senders = Executors.newFixedThreadPool(26);
        try {
            List<Future<RawHttp.Answer>> oversized = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                boolean json = n % 2 == 0;
                long size = json ? 24L << 20 : 40L << 20;
                oversized.add(senders.submit(() -> RawHttp.exchange(port, head(json, "Content-Length: " + size),
                        json ? "{\"type\":\"event_callback\",\"event\":{\"text\":\"" : "command=%2Fdataops&text=", size, false)));
            }
            for (int n = 0; n < 3; n++) {
                oversized.add(senders.submit(() -> RawHttp.exchange(port, head(true, "Transfer-Encoding: chunked"),
                        "{\"type\":\"event_callback\",\"event\":{\"text\":\"", 24L << 20, true)));
            }
            List<Future<RawHttp.Answer>> lying = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                lying.add(senders.submit(() -> RawHttp.exchange(port, head(false, "Content-Length: 16"),
                        "command=%2Fdataops&text=", 24L << 20, false)));
            }
            for (Future<RawHttp.Answer> answer : oversized) {
                RawHttp.Answer got = answer.get(30, TimeUnit.SECONDS);
                assertEquals(413, got.status(), got.body());
                assertTrue(got.bodyBytesWritten() < 24L << 20, "answered before the body was sent: " + got.bodyBytesWritten());
            }
            for (Future<RawHttp.Answer> answer : lying) {
                assertEquals(401, answer.get(30, TimeUnit.SECONDS).status(), "the 16 bytes it declared are not signed");
            }
        } finally {
            senders.shutdownNow();
        }
        assertTrue(serve.alive(), serve.exitDescription() + ": " + serve.output());
        assertEquals(200, http.send(HttpRequest.newBuilder(serve.endpoint("/healthz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<String> triage = http.send(SignedRequests.slashCommand(serve.endpoint("/slack/events"), "triage " + ALERT,
                slack.responseUrl("after"), Instant.now(), SIGNING_SECRET), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, triage.statusCode(), triage.body());
        assertTrue(triage.body().contains("Triaging"), triage.body());
        slack.await("chat.postMessage", call -> call.param("text").contains("credential_expiry"));
    }

    @Test
    @Order(1)
    void an_unsigned_bot_message_gets_401_and_slack_is_not_called() throws Exception {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvForged\","
                + "\"event_time\":1700000100,\"event\":{\"type\":\"message\",\"subtype\":\"bot_message\","
                + "\"bot_id\":\"BCHOSENBYSENDER\",\"username\":\"Airflow\",\"channel\":\"C1\",\"ts\":\"1700000100.000100\","
                + "\"text\":\"" + ALERT + "\"}}";
        URI endpoint = serve.endpoint("/slack/events");
        int before = slack.calls().size();
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(SignedRequests.event(endpoint, event, Instant.now(), "not-the-secret"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertEquals(401, forged.statusCode(), forged.body());
        Thread.sleep(500);
        assertEquals(List.of(), slack.calls().subList(before, slack.calls().size()), "no bots.info, no auth.test, nothing");
    }

    private static String head(boolean json, String lengthHeader) {
        return "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + (json ? "application/json" : "application/x-www-form-urlencoded") + "\r\n" + lengthHeader + "\r\n";
    }
}
