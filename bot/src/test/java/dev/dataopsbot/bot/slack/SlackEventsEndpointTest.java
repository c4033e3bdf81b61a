package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.server.RawHttp;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} before Bolt: size limits, signatures on the raw bytes, replays and
 * malformed bodies, through real HTTP to the bot as {@code serve} runs it.
 */
class SlackEventsEndpointTest {

    private static final String AIRFLOW_FAILED = "Task failed. dag_id=orders_daily, task_id=load_orders. snowflake.connector."
            + "errors.ProgrammingError: 390114 (08001): Authentication token has expired.";

    @TempDir
    Path dataDir;
    private RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = new RunningBot(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void a_content_length_over_512_kib_is_answered_413_without_reading_the_body() throws Exception {
        // only the head is sent: a server that waited for the body would never answer
        RawHttp.Answer answer = RawHttp.exchange(port(), post("application/json", "Content-Length: " + (24 << 20)));
        assertEquals(413, answer.status(), answer.body());
        assertEquals("{\"error\":\"request body larger than 512 KiB\"}", answer.body());
        assertEquals("close", answer.header("Connection"));
        assertRejected("too_large", 1);
    }

    @Test
    void a_chunked_body_is_answered_413_at_the_first_byte_past_512_kib() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port(), post("application/x-www-form-urlencoded", "Transfer-Encoding: chunked"),
                "command=%2Fdataops&text=", 2 << 20, true);
        assertEquals(413, answer.status(), answer.body());
        assertRejected("too_large", 1);
    }

    @Test
    void a_signed_body_of_512_kib_is_read() throws Exception {
        String text = "x".repeat(512 * 1024 - 300);
        HttpResponse<String> ack = bot.send(SignedRequests.slashCommand(bot.url("/slack/events"), text, Instant.now(),
                RunningBot.SIGNING_SECRET));
        assertEquals(200, ack.statusCode(), ack.body());
    }

    @Test
    void unsigned_requests_get_401_and_reach_neither_slack_nor_the_store_nor_the_log() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            int before = bot.slack.calls().size();
            String event = eventBody("Ev-unsigned", bot.botMessage("C1", "1700000100.000100", "Airflow", AIRFLOW_FAILED)
                    .put("bot_id", "BCHOSENBYSENDER"));
            URI endpoint = bot.url("/slack/events");
            Instant now = Instant.now();
            for (HttpRequest unsigned : List.of(
                    HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                    SignedRequests.event(endpoint, event, now, "wrong-secret"),
                    SignedRequests.event(endpoint, event, now.minus(Duration.ofMinutes(6)), RunningBot.SIGNING_SECRET),
                    SignedRequests.event(endpoint, event, now.plus(Duration.ofMinutes(6)), RunningBot.SIGNING_SECRET),
                    SignedRequests.slashCommand(endpoint, "note INC-1 " + AIRFLOW_FAILED, now, "wrong-secret"))) {
                HttpResponse<String> response = bot.send(unsigned);
                assertEquals(401, response.statusCode(), response.body());
                assertOneLineJsonError(response.body());
            }
            Thread.sleep(500);
            assertEquals(List.of(), bot.slack.calls().subList(before, bot.slack.calls().size()), "no Slack call, not even bots.info");
            assertTrue(bot.knowledge.store().list(false, 10).isEmpty(), "nothing stored");
            assertFalse(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("390114")), "nothing of the body logged");
            assertRejected("unsigned", 1);
            assertRejected("bad_signature", 2);
            assertRejected("stale_timestamp", 2);
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void signed_bodies_that_are_not_slack_requests_get_400_in_one_line_of_json() throws Exception {
        int before = bot.slack.calls().size();
        URI endpoint = bot.url("/slack/events");
        for (String[] body : List.of(
                new String[] {"application/json", "{\"type\":\"event_callback\",\"event\":"},
                new String[] {"application/json", "[1,2,3]"},
                new String[] {"application/json", "{\"type\":\"event_callback\"} trailing"},
                new String[] {"application/json", "{\"type\":\"something_else\"}"},
                new String[] {"application/x-www-form-urlencoded", "payload=%7B%22type%22%3A"},
                new String[] {"application/x-www-form-urlencoded", "command=%2Fdataops&text=%zz"},
                new String[] {"application/x-www-form-urlencoded", "hello=world"},
                new String[] {"application/x-www-form-urlencoded", ""})) {
            HttpResponse<String> response = bot.send(SignedRequests.signed(endpoint, body[0], body[1], Instant.now(),
                    RunningBot.SIGNING_SECRET));
            assertEquals(400, response.statusCode(), body[1] + " -> " + response.body());
            assertOneLineJsonError(response.body());
        }
        HttpRequest broken = SignedRequests.signed(endpoint, "application/json", "{", Instant.now(), RunningBot.SIGNING_SECRET);
        assertEquals(400, bot.send(broken).statusCode());
        assertEquals(400, bot.send(broken).statusCode(), "a request that failed is not remembered as run: it fails again");
        assertEquals(List.of(), bot.slack.calls().subList(before, bot.slack.calls().size()));
        assertRejected("malformed", 10);
    }

    @Test
    void a_replayed_slash_command_is_answered_200_empty_and_runs_once() throws Exception {
        HttpRequest triage = SignedRequests.slashCommand(bot.url("/slack/events"), "triage " + SlashTriageTest.EXPIRED_TOKEN,
                bot.slack.responseUrl("t1"), Instant.now(), RunningBot.SIGNING_SECRET);
        HttpResponse<String> first = bot.send(triage);
        assertTrue(first.body().contains("Triaging"), first.body());
        for (int n = 0; n < 2; n++) {
            HttpResponse<String> replay = bot.send(triage);
            assertEquals(200, replay.statusCode());
            assertEquals("", replay.body());
        }
        IncidentKey key = new IncidentKey(1);
        bot.awaitMessage(key);

        HttpRequest note = SignedRequests.slashCommand(bot.url("/slack/events"), "note INC-1 partner notified",
                bot.slack.responseUrl("n1"), Instant.now(), RunningBot.SIGNING_SECRET);
        bot.send(note);
        assertEquals("", bot.send(note).body());
        bot.awaitLast(key, EventKind.NOTE);
        Thread.sleep(1000);
        assertEquals(1, bot.slack.calls("chat.postMessage").size(), "the triage was posted once");
        assertEquals(1, bot.knowledge.store().list(false, 10).size());
        assertEquals(1, bot.knowledge.store().timeline(key).stream().filter(e -> e.kind() == EventKind.NOTE).count(),
                "the note was stored once");
        assertRejected("replayed", 3);
    }

    @Test
    void slacks_retry_of_an_event_with_a_fresh_signature_is_applied_once_as_before() throws Exception {
        String body = eventBody("Ev-retry", bot.botMessage("C1", "1700000200.000100", "Airflow", AIRFLOW_FAILED));
        URI endpoint = bot.url("/slack/events");
        Instant now = Instant.now();
        HttpRequest original = SignedRequests.event(endpoint, body, now, RunningBot.SIGNING_SECRET);
        assertEquals(200, bot.send(original).statusCode());
        for (int retry = 1; retry <= 2; retry++) {
            HttpRequest resent = HttpRequest.newBuilder(SignedRequests.event(endpoint, body, now.plusSeconds(retry),
                    RunningBot.SIGNING_SECRET), (name, value) -> true).header("X-Slack-Retry-Num", String.valueOf(retry))
                    .header("X-Slack-Retry-Reason", "http_timeout").build();
            assertEquals(200, bot.send(resent).statusCode());
        }
        bot.awaitMessage(new IncidentKey(1));
        Thread.sleep(1000);
        assertEquals(1, bot.slack.calls("chat.postMessage").size());
        assertEquals(1, bot.knowledge.store().require(new IncidentKey(1)).alertCount());
        assertFalse(bot.registry.scrape().contains("reason=\"replayed\""), "a retry is not a replay");
    }

    private int port() {
        return bot.url("/").getPort();
    }

    private static String post(String contentType, String lengthHeader) {
        return "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n" + lengthHeader + "\r\n";
    }

    private String eventBody(String eventId, ObjectNode event) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("token", "legacy")
                .put("team_id", "T1").put("api_app_id", "A1").put("type", "event_callback").put("event_id", eventId)
                .put("event_time", 1_700_000_000L);
        body.set("event", event);
        return body.toString();
    }

    private void assertRejected(String reason, int count) {
        String line = "dataops_http_rejected_total{endpoint=\"/slack/events\",reason=\"" + reason + "\"} " + count + ".0";
        String metrics = bot.registry.scrape();
        assertTrue(metrics.contains(line), line + " in\n" + metrics);
    }

    private static void assertOneLineJsonError(String body) throws Exception {
        assertFalse(body.contains("\n"), body);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("error").isTextual(), body);
        for (String leak : List.of("Exception", "jetty", "Jetty", "org.", "java.")) {
            assertFalse(body.contains(leak), leak + " in " + body);
        }
    }
}
