package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.incident.IncidentJson;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5 acceptance, through {@code serve}'s HTTP server and a fake Slack: an Alertmanager
 * alert is posted as its card (name, identifying labels, summary, runbook and generator links),
 * and when it resolves the incident closes with no acknowledgement recorded: nobody acknowledged
 * it, so MTTA must not count the source's recovery as one.
 */
class AlertCardServeTest {

    private static final String TOKEN = "hook-token-card";
    private static final IncidentKey FIRST = new IncidentKey(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private RunningBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void a_kafka_lag_alert_is_posted_with_its_name_labels_summary_and_links() throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS"));

        HttpResponse<String> firing = bot.alertmanager("", fixture("kafka-consumer-lag-firing.json"), TOKEN);

        assertEquals(200, firing.statusCode(), firing.body());
        FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> call.param("blocks") != null);
        String card = mrkdwn(posted.json("blocks"));
        assertTrue(card.contains("*KafkaConsumerLagHigh*"), card);
        assertTrue(card.contains("`consumergroup=orders-sink`") && card.contains("`topic=orders`"), card);
        assertTrue(card.contains("Consumer group orders-sink is 120000 messages behind on topic orders"), card);
        assertTrue(card.contains("<https://runbooks.acme.internal/streaming/kafka-consumer-lag|Runbook>"), card);
        assertTrue(card.contains("<http://prometheus.acme.internal:9090/graph?g0.expr=sum+by+%28consumergroup%2C+topic%29"
                + "+%28kafka_consumergroup_lag%29+%3E+100000&amp;g0.tab=1|Prometheus graph>"), card);
        assertTrue(card.contains("<http://alertmanager.acme.internal:9093/#/silences/new?filter=%7Balertname%3D%22"
                + "KafkaConsumerLagHigh%22"), card);
        String title = bot.knowledge.store().require(FIRST).title();
        assertTrue(title.contains("KafkaConsumerLagHigh") && !title.matches("^\\w+( in \\w+)?: (\\[|\\d{4}-|summary)"),
                title);
    }

    @Test
    void when_the_alert_resolves_the_incident_closes_with_no_acknowledgement_recorded() throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS",
                "DATAOPS_AUTO_RESOLVE", "true"));
        assertEquals(200, bot.alertmanager("", fixture("kafka-consumer-lag-firing.json"), TOKEN).statusCode());
        String triageTs = bot.awaitMessage(FIRST).ts();

        HttpResponse<String> resolved = bot.alertmanager("", fixture("kafka-consumer-lag-resolved.json"), TOKEN);

        assertEquals(200, resolved.statusCode(), resolved.body());
        assertEquals(1, JSON.readTree(resolved.body()).path("recovered").asInt(), resolved.body());
        bot.slack.await("chat.postMessage", call -> call.param("text").contains("reports recovery")
                && triageTs.equals(call.param("thread_ts")));
        Incident closed = bot.knowledge.store().require(FIRST);
        assertEquals(IncidentStatus.RESOLVED, closed.status());
        assertTrue(bot.knowledge.store().timeline(FIRST).stream().noneMatch(e -> e.kind() == EventKind.ACKNOWLEDGED),
                "no acknowledged event");
        assertNull(closed.acknowledgedAt(), "nobody acknowledged it: the source's recovery is not an acknowledgement");
        JsonNode shown = new IncidentJson(JSON).show(bot.knowledge.store().history(FIRST));
        assertTrue(shown.path("acknowledged_at").isNull() || shown.path("acknowledged_at").isMissingNode(),
                "incident show --json: " + shown);
    }

    @Test
    void without_auto_resolve_the_source_recovery_mitigates_it_with_no_acknowledgement_recorded() throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS"));
        assertEquals(200, bot.alertmanager("", fixture("kafka-consumer-lag-firing.json"), TOKEN).statusCode());
        bot.awaitMessage(FIRST);

        assertEquals(200, bot.alertmanager("", fixture("kafka-consumer-lag-resolved.json"), TOKEN).statusCode());

        Incident mitigated = bot.knowledge.store().require(FIRST);
        assertEquals(IncidentStatus.MITIGATED, mitigated.status());
        assertNull(mitigated.acknowledgedAt(), "nobody acknowledged it: the source's recovery is not an acknowledgement");
    }

    @Test
    void secrets_in_the_alert_are_redacted_before_the_card_is_stored_and_a_link_carrying_one_is_dropped()
            throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS"));
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(fixture("kafka-consumer-lag-firing.json"));
        com.fasterxml.jackson.databind.node.ObjectNode annotations =
                (com.fasterxml.jackson.databind.node.ObjectNode) body.at("/alerts/0/annotations");
        annotations.put("description", "owner jane.doe@example.com; sink config password=hunter2");
        annotations.put("dashboard_url",
                "https://grafana.acme.internal/d/lag?api_key=glsa_abcdefghijklmnopqrstuvwxyz012345_abcdef12");

        assertEquals(200, bot.alertmanager("", body.toString(), TOKEN).statusCode());

        String card = mrkdwn(bot.slack.await("chat.postMessage", call -> call.param("blocks") != null).json("blocks"));
        assertTrue(card.contains("[REDACTED:email]") && card.contains("password=[REDACTED]"), card);
        assertTrue(!card.contains("jane.doe") && !card.contains("hunter2") && !card.contains("glsa_"), card);
        assertTrue(!card.contains("|Dashboard>") && card.contains("|Runbook>"), card);
        JsonNode stored = bot.knowledge.store().history(FIRST).alerts().get(0).fields().path("source_alert");
        assertTrue(!stored.toString().contains("hunter2") && !stored.toString().contains("glsa_"), stored.toString());
    }

    @Test
    void an_airflow_callback_in_a_channel_keeps_its_view_log_link_on_the_triage_message() throws Exception {
        bot = new RunningBot(dataDir, Map.of());
        JsonNode callback;
        try (InputStream in = getClass().getResourceAsStream("/alert-messages/airflow-failure-callback.json")) {
            callback = JSON.readTree(in);
        }

        assertEquals(200, bot.event("Ev-card", callback, 0).statusCode());

        String card = mrkdwn(bot.slack.await("chat.postMessage", call -> call.param("blocks") != null).json("blocks"));
        assertTrue(card.contains("<https://airflow.acme.internal/log?dag_id=orders_daily&amp;task_id=load_orders"
                + "&amp;execution_date=2024-08-05T02%3A00%3A00%2B00%3A00|View log>"), card);
        String title = bot.knowledge.store().require(FIRST).title();
        assertEquals("credential_expiry in snowflake: orders_daily.load_orders", title);
    }

    /** Every mrkdwn and plain text of the blocks, one per line, as Slack receives them. */
    private static String mrkdwn(JsonNode blocks) {
        StringBuilder out = new StringBuilder();
        blocks.findValues("text").forEach(text -> out.append(text.isTextual() ? text.asText() : text.path("text").asText())
                .append('\n'));
        return out.toString();
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = AlertCardServeTest.class.getResourceAsStream("/webhook/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
