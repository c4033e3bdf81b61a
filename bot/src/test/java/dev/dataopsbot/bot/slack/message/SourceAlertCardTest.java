package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.dataopsbot.bot.alert.ChannelMessage;
import dev.dataopsbot.bot.alert.MessageLinks;
import dev.dataopsbot.bot.webhook.AlertCardLayout;
import dev.dataopsbot.bot.webhook.AlertmanagerNotification;
import dev.dataopsbot.bot.webhook.AlertmanagerSourceAlert;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.SourceAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** The alert card: the source alert at the top of the triage message, from real payloads, against golden Block Kit. */
class SourceAlertCardTest {

    private static final dev.dataopsbot.rules.text.AlertText ALERT_TEXT = new dev.dataopsbot.rules.text.AlertText();
    private static final java.util.function.UnaryOperator<String> REDACT = raw -> ALERT_TEXT.prepare(raw).text();

    private final TriageMessage renderer = new TriageMessage(Optional.empty());
    private final AlertmanagerSourceAlert describer = new AlertmanagerSourceAlert(AlertCardLayout.bundled());

    @Test
    void an_alertmanager_alert_shows_its_name_identifying_labels_summary_and_links() throws Exception {
        SlackMessage message = render(fromWebhook("kafka-consumer-lag-firing.json"), 31,
                "upstream_lag in kafka: KafkaConsumerLagHigh · orders", "upstream_lag");

        GoldenFiles.assertMatches("card-alertmanager-kafka-lag.json", message);
        String shown = shown(message);
        assertTrue(shown.contains("*KafkaConsumerLagHigh*"), shown);
        assertTrue(shown.contains("`consumergroup=orders-sink`") && shown.contains("`topic=orders`"), shown);
        assertTrue(shown.contains("Consumer group orders-sink is 120000 messages behind on topic orders"), shown);
        assertTrue(shown.contains("<https://runbooks.acme.internal/streaming/kafka-consumer-lag|Runbook>"), shown);
        assertTrue(shown.contains("<http://prometheus.acme.internal:9090/graph?g0.expr="), shown);
        assertTrue(shown.contains("|Prometheus graph>"), shown);
        assertFalse(shown.contains("prometheus=monitoring") || shown.contains("endpoint=") || shown.contains("service="),
                "noisy labels and service equal to job are left out: " + shown);
    }

    @Test
    void the_silence_link_opens_alertmanagers_new_silence_form_with_the_identifying_matchers() throws Exception {
        SourceAlert alert = fromWebhook("kafka-consumer-lag-firing.json");

        String silence = alert.links().stream().filter(l -> l.label().equals("Silence")).findFirst().orElseThrow().url();

        assertEquals("http://alertmanager.acme.internal:9093/#/silences/new?filter=%7Balertname%3D%22KafkaConsumerLagHigh%22"
                + "%2C%20job%3D%22kafka-exporter%22%2C%20instance%3D%2210.2.3.4%3A9308%22%2C%20namespace%3D%22streaming%22"
                + "%2C%20topic%3D%22orders%22%2C%20consumergroup%3D%22orders-sink%22%2C%20severity%3D%22warning%22%7D",
                silence);
    }

    @Test
    void no_silence_link_is_built_from_a_label_that_holds_a_secret() throws Exception {
        String body = new String(fixtureBytes("/webhook/kafka-consumer-lag-firing.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"topic\": \"orders\",\n        \"severity\"",
                        "\"topic\": \"orders password=hunter2\",\n        \"severity\"");
        AlertmanagerNotification notification = AlertmanagerNotification.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("orders password=hunter2", notification.alerts().get(0).labels().get("topic"));

        SourceAlert alert = describer.describe(notification.alerts().get(0), notification, REDACT);

        assertTrue(alert.links().stream().noneMatch(l -> l.label().equals("Silence")), alert.links().toString());
        assertTrue(alert.links().stream().anyMatch(l -> l.label().equals("Runbook")), alert.links().toString());
    }

    @Test
    void a_grafana_alert_links_its_dashboard_panel_rule_and_grafanas_own_silence() throws Exception {
        SlackMessage message = render(fromWebhook("grafana-firing.json"), 32,
                "upstream_lag in snowflake: OrdersFreshnessStale · orders_daily", "upstream_lag");

        GoldenFiles.assertMatches("card-grafana-freshness.json", message);
        String shown = shown(message);
        assertTrue(shown.contains("|Dashboard>") && shown.contains("|Panel>") && shown.contains("|Alert rule>"), shown);
        assertTrue(shown.contains("<https://grafana.acme.internal/alerting/silence/new?alertmanager=grafana&amp;matcher="),
                "Grafana's silenceURL, escaped for mrkdwn: " + shown);
        assertFalse(shown.contains("#/silences/new"), "no Alertmanager UI link for Grafana: " + shown);
        assertFalse(shown.contains("__alert_rule_uid__") || shown.contains("grafana_folder") || shown.contains("ref_id"),
                shown);
    }

    @Test
    void an_airflow_callback_keeps_its_view_log_link() throws Exception {
        ChannelMessage callback = ChannelMessage.fromEvent(fixture("/alert-messages/airflow-failure-callback.json"));
        SourceAlert links = new SourceAlert("", List.of(), "", "", new MessageLinks().of(callback));
        SlackMessage message = renderer.render(IncidentCard.from(Histories.credentialExpiry().build(links), List.of()));

        GoldenFiles.assertMatches("card-airflow-callback.json", message);
        assertTrue(shown(message).contains("<https://airflow.acme.internal/log?dag_id=orders_daily&amp;task_id="
                + "load_orders&amp;execution_date=2024-08-05T02%3A00%3A00%2B00%3A00|View log>"), shown(message));
    }

    @Test
    void a_dbt_cloud_failure_keeps_its_run_and_job_links() throws Exception {
        ChannelMessage failed = ChannelMessage.fromEvent(fixture("/alert-messages/dbt-cloud-job-failed.json"));

        assertEquals(List.of(
                new SourceAlert.Link("Run #48213 Errored", "https://cloud.getdbt.com/deploy/70403/projects/161955/runs/48213/"),
                new SourceAlert.Link("Nightly production run",
                        "https://cloud.getdbt.com/deploy/70403/projects/161955/jobs/302111/")),
                new MessageLinks().of(failed));
    }

    @Test
    void links_that_are_not_web_links_are_never_rendered() throws Exception {
        SourceAlert hostile = new SourceAlert("X<script>", List.of(new SourceAlert.Label("team", "a&b")), "", "", List.of(
                new SourceAlert.Link("Runbook", "javascript:alert(1)"),
                new SourceAlert.Link("Chat", "slack://channel?id=C1"),
                new SourceAlert.Link("Mail", "mailto:oncall@example.com"),
                new SourceAlert.Link("Query|<!here>", "https://example.com/q?a=1|<!channel>"),
                new SourceAlert.Link("Long", "https://example.com/" + "a".repeat(3000))));

        String shown = shown(renderer.render(IncidentCard.from(Histories.open(33, "t", "timeout", "SEV3").build(hostile),
                List.of())));

        assertFalse(shown.contains("javascript:") || shown.contains("slack://") || shown.contains("mailto:"), shown);
        assertFalse(shown.contains("<!here>") || shown.contains("<!channel>"), shown);
        assertTrue(shown.contains("<https://example.com/q?a=1%7C%3C!channel%3E|Query¦&lt;!here&gt;>"), shown);
        assertFalse(shown.contains("aaaaaaaaaa"), "a URL over 3000 characters is dropped: " + shown.length());
        assertTrue(shown.contains("*X&lt;script&gt;*") && shown.contains("`team=a&amp;b`"), shown);
    }

    @Test
    void a_pii_incident_withholds_the_alerts_summary_and_description() throws Exception {
        var classified = Histories.classification("pii_exposure", 0.97, "SEV1", "no", "security team");
        SourceAlert alert = new SourceAlert("PiiInLogs", List.of(new SourceAlert.Label("job", "ingest")),
                "customer [REDACTED:email] in column notes", "more detail", List.of());

        String shown = shown(renderer.render(IncidentCard.from(Histories.open(34, "pii_exposure", "pii_exposure", "SEV1")
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified).build(alert), List.of()))
);

        assertTrue(shown.contains("*PiiInLogs*") && shown.contains("`job=ingest`"), shown);
        assertFalse(shown.contains("in column notes") || shown.contains("more detail"), shown);
    }

    /** The blocks as JSON without Gson's HTML escaping, so mrkdwn reads as Slack gets it. */
    private static String shown(SlackMessage message) {
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().create()
                .toJson(com.google.gson.JsonParser.parseString(message.blocksJson()));
    }

    private SlackMessage render(SourceAlert alert, long key, String title, String mode) {
        ObjectNode classified = Histories.classification(mode, 0.81, "SEV3", "yes", "streaming on-call");
        Histories.evidence(classified, 2, "summary: " + alert.summary(), mode);
        return renderer.render(IncidentCard.from(Histories.open(key, title, mode, "SEV3")
                .event(EventKind.ALERT_RECEIVED, TimelineEvent.BOT, "alert received from alertmanager",
                        Histories.JSON.createObjectNode())
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified as " + mode, classified).build(alert),
                List.of()));
    }

    private SourceAlert fromWebhook(String name) throws IOException {
        byte[] body = fixtureBytes("/webhook/" + name);
        AlertmanagerNotification notification = AlertmanagerNotification.parse(body);
        return describer.describe(notification.alerts().get(0), notification, REDACT);
    }

    private static JsonNode fixture(String path) throws IOException {
        return Histories.JSON.readTree(fixtureBytes(path));
    }

    private static byte[] fixtureBytes(String path) throws IOException {
        try (InputStream in = SourceAlertCardTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
