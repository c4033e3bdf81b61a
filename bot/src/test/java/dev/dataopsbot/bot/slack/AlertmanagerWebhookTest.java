package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.server.RawHttp;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /webhooks/alertmanager} end to end: stored before 2xx, posted to Slack after, closed on resolve. */
class AlertmanagerWebhookTest {

    private static final String TOKEN = "hook-token-7d1f";
    private static final IncidentKey FIRST = new IncidentKey(1);

    @TempDir
    Path dataDir;
    private RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS,C2"));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void a_firing_alert_is_stored_before_200_posted_to_the_first_alert_channel_and_closed_when_resolved() throws Exception {
        HttpResponse<String> firing = bot.alertmanager("", AlertmanagerPayloads.firing(1), TOKEN);

        assertEquals(200, firing.statusCode(), firing.body());
        assertEquals(1, new ObjectMapper().readTree(firing.body()).path("stored").asInt(), firing.body());
        Incident incident = bot.knowledge.store().require(FIRST);
        assertEquals(AlertmanagerPayloads.expectedFailureMode(1), incident.failureMode());
        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
        assertEquals("CALERTS", posted.param("channel"));
        String triageTs = bot.awaitMessage(FIRST).ts();

        HttpResponse<String> resolved = bot.alertmanager("", AlertmanagerPayloads.resolved(1), TOKEN);
        assertEquals(200, resolved.statusCode(), resolved.body());
        assertEquals(1, new ObjectMapper().readTree(resolved.body()).path("recovered").asInt(), resolved.body());
        assertEquals(IncidentStatus.MITIGATED, bot.knowledge.store().require(FIRST).status());
        bot.slack.await("chat.postMessage", call -> call.param("text").contains("reports recovery")
                && triageTs.equals(call.param("thread_ts")));
        bot.slack.await("chat.update", call -> triageTs.equals(call.param("ts")));
    }

    @Test
    void a_re_sent_notification_is_applied_once() throws Exception {
        String body = AlertmanagerPayloads.firing(2);
        bot.alertmanager("", body, TOKEN);
        HttpResponse<String> again = bot.alertmanager("", body, TOKEN);

        assertEquals(200, again.statusCode());
        assertEquals(1, new ObjectMapper().readTree(again.body()).path("duplicates").asInt(), again.body());
        assertEquals(1, bot.knowledge.store().require(FIRST).alertCount());
        assertEquals(1, bot.knowledge.store().timeline(FIRST).stream().filter(e -> e.kind() == EventKind.ALERT_RECEIVED).count());
        bot.awaitMessage(FIRST);
        Thread.sleep(500);
        assertEquals(1, bot.slack.calls("chat.postMessage").size());
    }

    @Test
    void the_channel_parameter_chooses_where_the_triage_goes() throws Exception {
        assertEquals(200, bot.alertmanager("?channel=C2", AlertmanagerPayloads.firing(3), TOKEN).statusCode());
        assertEquals("C2", bot.slack.await("chat.postMessage", call -> true).param("channel"));
        assertEquals(400, bot.alertmanager("?channel=%23alerts", AlertmanagerPayloads.firing(4), TOKEN).statusCode());
    }

    @Test
    void an_alert_storm_folds_triage_messages_into_a_digest_and_stores_every_alert() throws Exception {
        int alerts = 25;
        for (int n = 1; n <= alerts; n++) {
            assertEquals(200, bot.alertmanager("", AlertmanagerPayloads.firing(100 + n), TOKEN).statusCode());
        }

        FakeSlackApi.Call digest = bot.slack.awaitCount("chat.postMessage", call -> call.param("text").contains("Alert storm"), 1)
                .get(0);
        assertEquals("CALERTS", digest.param("channel"));
        assertEquals(alerts, bot.knowledge.store().list(false, 100).size(), "every alert is an incident");
        long triageMessages = bot.slack.calls("chat.postMessage").stream().filter(c -> !c.param("text").contains("Alert storm"))
                .count();
        assertTrue(triageMessages < alerts, triageMessages + " triage messages for " + alerts + " alerts");
        String folded = digest.param("text");
        long listed = folded.lines().filter(line -> line.startsWith("• *INC-")).count();
        assertTrue(listed > 0 && folded.contains("more incident"), folded);
    }

    @Test
    void bad_tokens_malformed_payloads_and_huge_bodies_are_refused_and_store_nothing() throws Exception {
        assertEquals(401, bot.alertmanager("", AlertmanagerPayloads.firing(1), null).statusCode());
        assertEquals(401, bot.alertmanager("", AlertmanagerPayloads.firing(1), "hook-token-7d1e").statusCode());

        HttpResponse<String> malformed = bot.alertmanager("", "{\"version\":\"4\",\"alerts\":[{\"status\":\"pending\"}]}", TOKEN);
        assertEquals(400, malformed.statusCode());
        String error = new ObjectMapper().readTree(malformed.body()).path("error").asText();
        assertTrue(error.startsWith("alerts[0].status is \"pending\""), error);
        assertEquals(400, bot.alertmanager("", "not json", TOKEN).statusCode());

        String huge = "{\"version\":\"4\",\"alerts\":[],\"x\":\"" + "a".repeat(2 << 20) + "\"}";
        assertEquals(413, bot.alertmanager("", huge, TOKEN).statusCode());

        assertTrue(bot.knowledge.store().list(false, 10).isEmpty());
        assertEquals(0, bot.slack.calls("chat.postMessage").size());
    }

    @Test
    void a_sender_still_uploading_a_body_over_the_cap_reads_its_413_instead_of_a_reset_connection() throws Exception {
        String huge = "{\"version\":\"4\",\"alerts\":[],\"x\":\"" + "a".repeat(12 << 20) + "\"}";
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(senders.submit(() -> bot.alertmanager("", huge, TOKEN).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(413, answer.get());
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void a_content_length_over_1_mib_is_answered_413_before_the_body_is_read_and_chunked_ones_while_reading() throws Exception {
        int port = bot.url("/").getPort();
        String head = "POST /webhooks/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\n";
        // only the head is sent: a server that waited for the body would never answer
        RawHttp.Answer declared = RawHttp.exchange(port, head + "Content-Length: " + (40 << 20) + "\r\n");
        assertEquals(413, declared.status(), declared.body());
        assertEquals("{\"error\":\"request body larger than 1 MiB\"}", declared.body());
        RawHttp.Answer chunked = RawHttp.exchange(port, head + "Transfer-Encoding: chunked\r\n", "{\"version\":\"4\",\"x\":\"",
                3 << 20, true);
        assertEquals(413, chunked.status(), chunked.body());
        assertTrue(bot.registry.scrape().contains(
                "dataops_http_rejected_total{endpoint=\"/webhooks/alertmanager\",reason=\"too_large\"} 2.0"));
        assertTrue(bot.knowledge.store().list(false, 10).isEmpty());
    }
}
