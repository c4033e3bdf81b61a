package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.slack.message.Interactions;
import dev.dataopsbot.bot.slack.message.ModalContext;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.MessageRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SlashTriageTest {

    static final String EXPIRED_TOKEN = """
            [2024-05-14, 04:00:08 UTC] {taskinstance.py:2731} ERROR - Task failed with exception
            botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.
            [2024-05-14, 04:00:08 UTC] {taskinstance.py:1206} INFO - Marking task as FAILED. dag_id=partner_invoice_export, task_id=upload_invoices""";

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
    void a_slash_triage_of_a_success_notice_answers_only_the_asker_and_records_nothing() throws Exception {
        HttpResponse<String> ack = bot.slash("triage DAG run orders_daily scheduled__2024-05-13T04:00:00+00:00 succeeded");
        assertEquals(200, ack.statusCode(), ack.body());
        String path = bot.lastResponsePath();

        FakeSlackApi.Call answer = bot.slack.await("response", call -> call.param("path").equals(path));
        JsonNode body = answer.json(null);
        assertTrue(body.path("text").asText().startsWith("Nothing recorded: a success or recovery notice ('succeeded')"),
                body.toString());
        assertFalse(body.toString().contains("in_channel"), "only the person who asked sees it: " + body);
        assertTrue(bot.knowledge.store().list(false, 10).isEmpty(), "no incident");
        assertTrue(bot.slack.calls("chat.postMessage").isEmpty(), "nothing posted in the channel");
    }

    @Test
    void a_slash_triage_is_acknowledged_then_posted_to_the_channel_and_recorded_as_an_incident() throws Exception {
        HttpResponse<String> ack = bot.slash("triage " + EXPIRED_TOKEN);
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(ack.body().contains("Triaging"), ack.body());

        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
        assertEquals("C1", posted.param("channel"));
        assertTrue(posted.param("text").contains("INC-1"), posted.param("text"));
        assertTrue(posted.param("text").contains("credential_expiry"), posted.param("text"));
        JsonNode blocks = posted.json("blocks");
        assertTrue(blocks.size() <= 50);
        assertTrue(blocks.toString().contains("incident_actions:INC-1"), "the buttons name the incident");

        MessageRef message = message(bot, new IncidentKey(1));
        Incident incident = bot.knowledge.store().require(new IncidentKey(1));
        assertEquals("credential_expiry", incident.failureMode());
        assertEquals("C1", incident.channel());
        assertEquals(new MessageRef("C1", incident.threadTs()), message, "the triage message starts the incident's thread");
        assertEquals(List.of(EventKind.ALERT_RECEIVED, EventKind.CLASSIFIED, EventKind.RUNBOOK_SUGGESTED),
                bot.knowledge.store().timeline(incident.key()).stream().map(e -> e.kind()).toList());
        String metrics = bot.registry.scrape();
        assertTrue(metrics.contains("dataops_slack_requests_total{kind=\"command\"}"), metrics);
        assertTrue(metrics.contains("dataops_classifications_total{failure_mode=\"credential_expiry\"} 1.0"), metrics);
        assertTrue(metrics.contains("dataops_incidents_total{event=\"opened\"} 1.0"), metrics);
        assertTrue(metrics.contains("dataops_slack_ack_seconds_bucket"), metrics);
        assertTrue(metrics.contains("dataops_triage_seconds_count 1"), metrics);
    }

    @Test
    void an_empty_triage_opens_a_modal_whose_submission_is_triaged_like_the_command() throws Exception {
        assertEquals(200, bot.slash("triage").statusCode());
        FakeSlackApi.Call opened = bot.slack.await("views.open", call -> true);
        JsonNode view = opened.json("view");
        assertEquals(Interactions.TRIAGE_MODAL, view.path("callback_id").asText());
        assertEquals("1.2.3", opened.param("trigger_id"), "the slash command's trigger");

        HttpResponse<String> blank = bot.submit(Interactions.TRIAGE_MODAL, view.path("private_metadata").asText(), "U1",
                Map.of(Interactions.TRIAGE_TEXT, "  "), false);
        assertTrue(blank.body().contains("errors"), "a blank paste is refused inside the modal: " + blank.body());

        HttpResponse<String> submitted = bot.submit(Interactions.TRIAGE_MODAL, view.path("private_metadata").asText(), "U1",
                Map.of(Interactions.TRIAGE_TEXT, EXPIRED_TOKEN), false);
        assertEquals(200, submitted.statusCode());
        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
        assertEquals("C1", posted.param("channel"));
        assertTrue(bot.knowledge.store().find(new IncidentKey(1)).isPresent());
    }

    @Test
    void a_200_kb_paste_is_triaged_within_slack_limits() throws Exception {
        StringBuilder log = new StringBuilder();
        int n = 0;
        while (log.length() < 200 * 1024) {
            log.append("[2024-05-14, 04:00:0").append(n++ % 10).append(" UTC] {spark.py:88} INFO - stage ").append(n)
                    .append(" wrote 1024 rows to s3://lake/orders/part-").append(n).append(".parquet\n");
        }
        log.append("java.lang.OutOfMemoryError: Java heap space\n");
        log.append("Container killed by YARN for exceeding memory limits. 12.4 GB of 12 GB physical memory used.\n");

        assertEquals(200, bot.slash("triage " + log).statusCode());

        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
        assertTrue(posted.param("text").contains("resource_exhaustion"), posted.param("text"));
        JsonNode blocks = posted.json("blocks");
        assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
        blocks.findValues("text").forEach(text -> {
            String value = text.isTextual() ? text.asText() : text.path("text").asText();
            assertTrue(value.length() <= 3000, "a text of " + value.length() + " characters");
        });
    }

    @Test
    void secrets_in_a_paste_never_reach_slack_the_database_or_the_logs() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            List<String> secrets = List.of("AKIAIOSFODNN7EXAMPLE", "xoxb-1234567890-abcdefghijkl", "Sup3rS3cretPassw0rd",
                    "jane.doe@example.com", "123-45-6789");
            String paste = """
                    botocore.exceptions.ClientError: An error occurred (ExpiredToken): The provided token has expired. key AKIAIOSFODNN7EXAMPLE
                    notify with xoxb-1234567890-abcdefghijkl
                    postgresql://etl:Sup3rS3cretPassw0rd@db.internal:5432/warehouse
                    owner jane.doe@example.com ssn 123-45-6789""";
            bot.slash("triage " + paste);
            FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
            IncidentKey key = new IncidentKey(1);
            bot.press(Interactions.ACKNOWLEDGE, key.toString(), bot.awaitMessage(key).ts(), "U2", null);
            bot.slack.await("chat.update", call -> true);

            String slack = bot.slack.calls().stream().map(c -> c.body() + c.params()).reduce("", String::concat);
            String stored;
            try (Stream<Path> files = Files.list(dataDir)) {
                stored = files.filter(Files::isRegularFile).map(SlashTriageTest::latin1).reduce("", String::concat);
            }
            String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
            for (String secret : secrets) {
                assertFalse(slack.contains(secret), "sent to Slack: " + secret);
                assertFalse(stored.contains(secret), "stored: " + secret);
                assertFalse(logged.contains(secret), "logged: " + secret);
            }
            assertTrue(posted.param("text").contains("credential_expiry"), posted.param("text"));
            assertTrue(stored.contains("ExpiredToken"), "the redacted alert is stored");
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void requests_with_bad_missing_stale_or_future_signatures_get_401_and_store_nothing() throws Exception {
        java.net.URI endpoint = bot.url("/slack/events");
        java.time.Instant now = java.time.Instant.now();
        for (HttpResponse<String> response : List.of(
                bot.send(SignedRequests.slashCommand(endpoint, "triage " + EXPIRED_TOKEN, now, "wrong-secret")),
                bot.send(SignedRequests.slashCommand(endpoint, "triage " + EXPIRED_TOKEN, now.minus(Duration.ofMinutes(6)), RunningBot.SIGNING_SECRET)),
                bot.send(SignedRequests.slashCommand(endpoint, "triage " + EXPIRED_TOKEN, now.plus(Duration.ofMinutes(6)), RunningBot.SIGNING_SECRET)),
                bot.send(java.net.http.HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("command=%2Fdataops&text=triage+x")).build()))) {
            assertEquals(401, response.statusCode());
        }
        Thread.sleep(300);
        assertTrue(bot.knowledge.store().list(false, 10).isEmpty(), "nothing recorded");
        assertTrue(bot.slack.calls().stream().allMatch(c -> c.method().equals("auth.test")), bot.slack.calls().toString());
    }

    @Test
    void slack_answering_429_is_retried_after_retry_after_and_posts_one_message() throws Exception {
        bot.slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "2"));
        java.time.Instant sent = java.time.Instant.now();
        bot.slash("triage " + EXPIRED_TOKEN);

        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
        assertTrue(Duration.between(sent, posted.at()).compareTo(Duration.ofMillis(1900)) >= 0,
                "posted " + Duration.between(sent, posted.at()).toMillis() + " ms after the command, before Retry-After");
        Thread.sleep(500);
        assertEquals(1, bot.slack.calls("chat.postMessage").size());
        assertTrue(bot.registry.scrape().contains("dataops_slack_api_retries_total{method=\"chat.postMessage\",reason=\"rate_limited\"} 1.0"));
    }

    @Test
    void slack_answering_500_is_retried_with_backoff_and_posts_no_duplicate() throws Exception {
        bot.slack.failNext("chat.postMessage", 500, Map.of());
        bot.slack.failNext("chat.postMessage", 503, Map.of());
        bot.slash("triage " + EXPIRED_TOKEN);

        bot.slack.await("chat.postMessage", call -> true);
        assertNotNull(bot.awaitMessage(new IncidentKey(1)), "the message is remembered");
        Thread.sleep(1000);
        assertEquals(1, bot.slack.calls("chat.postMessage").size());
        assertTrue(bot.registry.scrape().contains("dataops_slack_api_retries_total{method=\"chat.postMessage\",reason=\"server_error\"} 2.0"));
    }

    @Test
    void when_the_bot_cannot_post_in_the_channel_the_triage_comes_back_through_the_response_url() throws Exception {
        bot.slack.failNext("chat.postMessage", 200, Map.of());
        bot.slash("triage " + EXPIRED_TOKEN);
        FakeSlackApi.Call answer = bot.slack.await("response", call -> call.body().contains("in_channel"));
        assertTrue(answer.body().contains("INC-1"), answer.body());
    }

    private static String latin1(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static MessageRef message(RunningBot bot, IncidentKey key) throws InterruptedException {
        return bot.awaitMessage(key);
    }
}
