package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading Alertmanager version 4 webhook bodies, and the 400 messages for bodies that are not. */
class AlertmanagerNotificationTest {

    /** Every field of Alertmanager's documented version 4 payload, as Alertmanager sends it. */
    static final String DOCUMENTED = """
            {
              "version": "4",
              "groupKey": "{}/{team=\\"data\\"}:{alertname=\\"KubeJobFailed\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "dataops-bot",
              "groupLabels": {"alertname": "KubeJobFailed"},
              "commonLabels": {"alertname": "KubeJobFailed", "namespace": "data", "severity": "warning", "team": "data"},
              "commonAnnotations": {"summary": "Job failed to complete."},
              "externalURL": "http://alertmanager.example.internal:9093",
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "KubeJobFailed", "job_name": "orders-nightly-28551840", "namespace": "data",
                             "severity": "warning", "team": "data"},
                  "annotations": {"summary": "Job failed to complete.",
                                  "description": "Job data/orders-nightly-28551840 failed: pod terminated with reason OOMKilled."},
                  "startsAt": "2024-05-01T02:14:07.123456789+02:00",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "http://prometheus.example.internal:9090/graph?g0.expr=kube_job_failed+%3E+0\\u0026g0.tab=1",
                  "fingerprint": "5c1e3f0b9a7d2e44"
                },
                {
                  "status": "resolved",
                  "labels": {"alertname": "KubeJobFailed", "job_name": "customers-hourly-28551900", "namespace": "data",
                             "severity": "warning", "team": "data"},
                  "annotations": {"summary": "Job failed to complete."},
                  "startsAt": "2024-05-01T01:00:00Z",
                  "endsAt": "2024-05-01T01:30:00.5Z",
                  "generatorURL": "http://prometheus.example.internal:9090/graph?g0.expr=kube_job_failed+%3E+0",
                  "fingerprint": "0f9e8d7c6b5a4321"
                }
              ]
            }
            """;

    @Test
    void the_documented_payload_reads_field_for_field() {
        AlertmanagerNotification notification = parse(DOCUMENTED);

        assertEquals("4", notification.version());
        assertEquals("{}/{team=\"data\"}:{alertname=\"KubeJobFailed\"}", notification.groupKey());
        assertEquals("firing", notification.status());
        assertEquals("dataops-bot", notification.receiver());
        assertEquals(Map.of("alertname", "KubeJobFailed"), notification.groupLabels());
        assertEquals("warning", notification.commonLabels().get("severity"));
        assertEquals(Map.of("summary", "Job failed to complete."), notification.commonAnnotations());
        assertEquals("http://alertmanager.example.internal:9093", notification.externalUrl());
        assertEquals(0, notification.truncatedAlerts());
        assertEquals(2, notification.alerts().size());

        AlertmanagerAlert firing = notification.alerts().get(0);
        assertEquals("5c1e3f0b9a7d2e44", firing.fingerprint());
        assertEquals("orders-nightly-28551840", firing.labels().get("job_name"));
        assertEquals(Instant.parse("2024-05-01T00:14:07.123456789Z"), firing.startsAt());
        assertEquals("http://prometheus.example.internal:9090/graph?g0.expr=kube_job_failed+%3E+0&g0.tab=1",
                firing.generatorUrl());
    }

    @Test
    void a_group_with_firing_and_resolved_alerts_tells_them_apart() {
        AlertmanagerNotification notification = parse(DOCUMENTED);
        AlertmanagerAlert firing = notification.alerts().get(0);
        AlertmanagerAlert resolved = notification.alerts().get(1);

        assertTrue(firing.firing());
        assertFalse(firing.resolved());
        assertTrue(resolved.resolved());
        assertFalse(resolved.firing());
        assertEquals(Instant.parse("2024-05-01T01:30:00.5Z"), resolved.endsAt());
    }

    @Test
    void alertmanagers_zero_end_time_of_a_firing_alert_reads_as_no_end() {
        assertNull(parse(DOCUMENTED).alerts().get(0).endsAt());
    }

    @Test
    void an_empty_alerts_array_is_a_valid_notification_with_nothing_to_do() {
        AlertmanagerNotification notification = parse("""
                {"version": "4", "groupKey": "{}:{}", "status": "resolved", "alerts": []}""");

        assertTrue(notification.alerts().isEmpty());
    }

    @Test
    void unknown_fields_and_null_optional_fields_are_ignored() {
        AlertmanagerNotification notification = parse("""
                {"version": "4", "orgId": 1, "title": "x", "groupLabels": null, "truncatedAlerts": 3,
                 "alerts": [{"status": "firing", "labels": {"alertname": "TargetDown"}, "silenceURL": "http://x",
                             "values": {"B": 1.5}, "annotations": null}]}""");

        assertEquals(Map.of(), notification.groupLabels());
        assertEquals(3, notification.truncatedAlerts());
        assertEquals(Map.of(), notification.alerts().get(0).annotations());
        assertNull(notification.alerts().get(0).startsAt());
        assertNull(notification.groupKey());
    }

    @Test
    void grafanas_webhook_body_is_read_with_its_silence_dashboard_and_panel_links() throws Exception {
        byte[] body;
        try (var in = getClass().getResourceAsStream("/webhook/grafana-firing.json")) {
            body = in.readAllBytes();
        }
        AlertmanagerNotification notification = parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));

        assertTrue(notification.fromGrafana());
        AlertmanagerAlert alert = notification.alerts().get(0);
        assertEquals("OrdersFreshnessStale", alert.alertName());
        assertEquals("https://grafana.acme.internal/d/orders-freshness?orgId=1", alert.grafana().dashboardUrl());
        assertEquals("https://grafana.acme.internal/d/orders-freshness?orgId=1&viewPanel=4", alert.grafana().panelUrl());
        assertTrue(alert.grafana().silenceUrl().startsWith("https://grafana.acme.internal/alerting/silence/new?"));
        assertEquals("bc97ff14869b13e3", alert.fingerprint());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "body is empty, expected an Alertmanager webhook JSON object"),
                Arguments.of("[]", "body is an array, expected an Alertmanager webhook JSON object"),
                Arguments.of("\"alerts\"", "body is a string, expected an Alertmanager webhook JSON object"),
                Arguments.of("{\"alerts\": []}", "version is missing, expected \"4\""),
                Arguments.of("{\"version\": \"3\", \"alerts\": []}",
                        "version is \"3\", only Alertmanager webhook version \"4\" (or Grafana's \"1\" with orgId) is supported"),
                Arguments.of("{\"version\": \"1\", \"alerts\": []}",
                        "version is \"1\", only Alertmanager webhook version \"4\" (or Grafana's \"1\" with orgId) is supported"),
                Arguments.of("{\"version\": 4, \"alerts\": []}", "version is a number, expected a string"),
                Arguments.of("{\"version\": \"4\"}", "alerts is missing, expected an array of alerts"),
                Arguments.of("{\"version\": \"4\", \"alerts\": {}}", "alerts is an object, expected an array of alerts"),
                Arguments.of("{\"version\": \"4\", \"alerts\": [\"firing\"]}",
                        "alerts[0] is a string, expected an alert object"),
                Arguments.of(withAlerts(alert("firing"), alert("resolved"), alert("firing"), "{\"labels\": {}}"),
                        "alerts[3].status is missing, expected firing or resolved"),
                Arguments.of(withAlerts(alert("firing"), alert("pending")),
                        "alerts[1].status is \"pending\", expected firing or resolved"),
                Arguments.of(withAlerts("{\"status\": \"firing\", \"labels\": [\"a\"]}"),
                        "alerts[0].labels is an array, expected an object of strings"),
                Arguments.of(withAlerts("{\"status\": \"firing\", \"labels\": {\"alertname\": \"X\", \"port\": 5432}}"),
                        "alerts[0].labels.port is a number, expected a string"),
                Arguments.of(withAlerts("{\"status\": \"firing\", \"annotations\": {\"summary\": {\"text\": \"x\"}}}"),
                        "alerts[0].annotations.summary is an object, expected a string"),
                Arguments.of(withAlerts("{\"status\": \"firing\", \"startsAt\": \"yesterday\"}"),
                        "alerts[0].startsAt is \"yesterday\", expected an RFC 3339 time such as 2024-05-01T12:00:00Z"),
                Arguments.of(withAlerts("{\"status\": \"resolved\", \"endsAt\": \"2024-05-01 12:00:00\"}"),
                        "alerts[0].endsAt is \"2024-05-01 12:00:00\", expected an RFC 3339 time such as 2024-05-01T12:00:00Z"),
                Arguments.of("{\"version\": \"4\", \"commonLabels\": \"a=b\", \"alerts\": []}",
                        "commonLabels is a string, expected an object of strings"),
                Arguments.of("{\"version\": \"4\", \"truncatedAlerts\": -1, \"alerts\": []}",
                        "truncatedAlerts is -1, expected a whole number of 0 or more"),
                Arguments.of("{\"version\": \"4\", \"status\": \"ok\", \"alerts\": []}",
                        "status is \"ok\", expected firing or resolved"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void a_malformed_body_is_refused_with_a_message_naming_the_problem(String body, String message) {
        AlertmanagerPayloadException e = assertThrows(AlertmanagerPayloadException.class, () -> parse(body));
        assertEquals(message, e.getMessage());
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_the_line_and_column() {
        AlertmanagerPayloadException e = assertThrows(AlertmanagerPayloadException.class,
                () -> parse("{\"version\": \"4\",\n  \"alerts\": [}"));

        assertTrue(e.getMessage().startsWith("body is not JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2, column 14)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Source"), e.getMessage());
    }

    @Test
    void plain_text_is_refused_as_not_json() {
        AlertmanagerPayloadException e = assertThrows(AlertmanagerPayloadException.class,
                () -> parse("KubeJobFailed firing"));

        assertTrue(e.getMessage().startsWith("body is not JSON: Unrecognized token 'KubeJobFailed'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 1, column 1)"), e.getMessage());
    }

    @Test
    void trailing_content_after_the_object_is_not_json() {
        AlertmanagerPayloadException e = assertThrows(AlertmanagerPayloadException.class,
                () -> parse("{\"version\": \"4\", \"alerts\": []} {}"));

        assertTrue(e.getMessage().startsWith("body is not JSON: "), e.getMessage());
    }

    @Test
    void a_huge_bad_value_is_quoted_short_in_the_message() {
        String status = "x".repeat(10_000);
        AlertmanagerPayloadException e = assertThrows(AlertmanagerPayloadException.class,
                () -> parse(withAlerts(alert(status))));

        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void the_delivery_ids_are_the_same_for_a_resend_whatever_the_alert_order() {
        String first = withAlerts(alert("firing", "aaaa", "2024-05-01T00:00:00Z"),
                alert("firing", "bbbb", "2024-05-01T00:05:00Z"));
        String resent = withAlerts(alert("firing", "bbbb", "2024-05-01T00:05:00Z"),
                alert("firing", "aaaa", "2024-05-01T00:00:00Z"));

        java.util.Set<String> ids = ids(parse(first));
        assertEquals(ids, ids(parse(resent)));
        assertEquals(2, ids.size());
    }

    @Test
    void the_delivery_id_changes_when_an_alert_resolves() {
        String firing = withAlerts(alert("firing", "aaaa", "2024-05-01T00:00:00Z"));
        String resolved = withAlerts(alert("resolved", "aaaa", "2024-05-01T00:00:00Z"));

        assertNotEquals(ids(parse(firing)), ids(parse(resolved)));
    }

    @Test
    void the_delivery_id_changes_when_the_alert_fires_again_later_but_not_in_another_group() {
        String earlier = withAlerts(alert("firing", "aaaa", "2024-05-01T00:00:00Z"));
        String later = withAlerts(alert("firing", "aaaa", "2024-05-02T00:00:00Z"));
        String otherGroup = earlier.replace("{}:{alertname=\\\"X\\\"}", "{}:{alertname=\\\"Y\\\"}");

        assertNotEquals(ids(parse(earlier)), ids(parse(later)));
        assertNotEquals(earlier, otherGroup);
        assertEquals(ids(parse(earlier)), ids(parse(otherGroup)), "the same alert in another group is the same delivery");
    }

    private static java.util.Set<String> ids(AlertmanagerNotification notification) {
        return notification.alerts().stream().map(AlertmanagerAlert::deliveryId).collect(java.util.stream.Collectors.toSet());
    }

    private static AlertmanagerNotification parse(String body) {
        return AlertmanagerNotification.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String withAlerts(String... alerts) {
        return "{\"version\": \"4\", \"groupKey\": \"{}:{alertname=\\\"X\\\"}\", \"alerts\": ["
                + String.join(", ", alerts) + "]}";
    }

    private static String alert(String status) {
        return "{\"status\": \"" + status + "\", \"labels\": {\"alertname\": \"X\"}}";
    }

    private static String alert(String status, String fingerprint, String startsAt) {
        return "{\"status\": \"" + status + "\", \"fingerprint\": \"" + fingerprint + "\", \"startsAt\": \""
                + startsAt + "\", \"labels\": {\"alertname\": \"X\"}}";
    }
}
