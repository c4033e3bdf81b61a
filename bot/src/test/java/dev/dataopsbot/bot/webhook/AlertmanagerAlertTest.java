package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An alert as text for the classifier, and its identity across notifications. */
class AlertmanagerAlertTest {

    private static final Instant STARTED = Instant.parse("2024-05-01T02:14:07Z");

    @Test
    void text_leads_with_status_and_name_then_summary_description_labels_runbook_and_the_rest() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", "data");
        labels.put("pod", "orders-nightly-x7k2p");
        labels.put("alertname", "KubeJobFailed");
        labels.put("namespace", "data");
        labels.put("severity", "critical");
        labels.put("instance", "10.0.3.7:8080");
        labels.put("job", "kube-state-metrics");
        labels.put("cluster", "prod-eu");
        Map<String, String> annotations = Map.of(
                "summary", "Job failed to complete.",
                "description", "Job data/orders-nightly failed: OOMKilled.",
                "runbook_url", "https://runbooks.example.internal/KubeJobFailed",
                "dashboard", "https://grafana.example.internal/d/jobs",
                "message", "see the pod events");
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "5c1e", labels, annotations, STARTED, null, null);

        assertEquals("""
                [FIRING] KubeJobFailed
                summary: Job failed to complete.
                description: Job data/orders-nightly failed: OOMKilled.
                job=kube-state-metrics instance=10.0.3.7:8080 severity=critical namespace=data pod=orders-nightly-x7k2p cluster=prod-eu team=data
                runbook_url: https://runbooks.example.internal/KubeJobFailed
                dashboard: https://grafana.example.internal/d/jobs
                message: see the pod events
                startsAt: 2024-05-01T02:14:07Z""", alert.text());
    }

    @Test
    void a_resolved_alert_says_so_and_when_it_ended() {
        AlertmanagerAlert alert = new AlertmanagerAlert("resolved", "5c1e", Map.of("alertname", "TargetDown"),
                Map.of(), STARTED, Instant.parse("2024-05-01T03:00:00Z"), null);

        assertEquals("""
                [RESOLVED] TargetDown
                startsAt: 2024-05-01T02:14:07Z
                endsAt: 2024-05-01T03:00:00Z""", alert.text());
    }

    @Test
    void an_alert_without_a_name_says_so() {
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", null, Map.of("job", "etl"), Map.of(), null, null,
                null);

        assertEquals("[FIRING] (no alertname)\njob=etl", alert.text());
    }

    @Test
    void a_huge_annotation_is_cut_at_8_kib_and_the_rest_still_follows() {
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "f", Map.of("alertname", "A", "job", "etl"),
                Map.of("description", "d".repeat(100_000), "summary", "short"), STARTED, null, null);

        String text = alert.text();
        assertTrue(text.contains("description: " + "d".repeat(8 * 1024) + " (cut)\n"), "description cut");
        assertFalse(text.contains("d".repeat(8 * 1024 + 1)), "nothing past the cap");
        assertTrue(text.contains("summary: short"));
        assertTrue(text.endsWith("job=etl\nstartsAt: 2024-05-01T02:14:07Z"), "labels and times kept");
    }

    @Test
    void the_whole_text_is_cut_at_64_kib_and_says_so() {
        Map<String, String> annotations = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            annotations.put("note_" + i, "n".repeat(8 * 1024));
        }
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "f", Map.of("alertname", "A"), annotations,
                STARTED, null, null);

        String text = alert.text();
        assertEquals(64 * 1024, text.length());
        assertTrue(text.endsWith("\n(cut)"), text.substring(text.length() - 20));
        assertTrue(text.startsWith("[FIRING] A\n"));
    }

    @Test
    void a_cut_never_splits_a_character_outside_the_basic_plane() {
        String value = "x".repeat(8 * 1024 - 1) + "\uD83D\uDD25".repeat(10);
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "f", Map.of("alertname", "A"),
                Map.of("summary", value), null, null, null);

        String text = alert.text();
        assertTrue(text.endsWith("x (cut)"), text.substring(text.length() - 20));
    }

    /** The text is redacted after it is built: half a token would no longer be recognised, so a cut never splits a word. */
    @Test
    void a_cut_drops_the_word_it_would_split() {
        String value = "word ".repeat(8 * 1024 / 5 - 2) + "token=ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM rest";
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "f", Map.of("alertname", "A"),
                Map.of("description", value), null, null, null);

        String text = alert.text();
        assertFalse(text.contains("ghp_") || text.contains("token="), text.substring(text.length() - 40));
        assertTrue(text.endsWith("word (cut)"), text.substring(text.length() - 20));
    }

    @Test
    void the_dedupe_key_is_alertmanagers_fingerprint() {
        AlertmanagerAlert alert = new AlertmanagerAlert("firing", "5c1e3f0b9a7d2e44", Map.of("alertname", "A"),
                Map.of(), STARTED, null, null);

        assertEquals("alertmanager:5c1e3f0b9a7d2e44", alert.dedupeKey());
    }

    @Test
    void without_a_fingerprint_the_dedupe_key_hashes_the_labels_whatever_their_order() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("alertname", "TargetDown");
        oneOrder.put("job", "airflow");
        oneOrder.put("instance", "10.0.0.1:9102");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("instance", "10.0.0.1:9102");
        otherOrder.put("job", "airflow");
        otherOrder.put("alertname", "TargetDown");
        Map<String, String> otherInstance = new LinkedHashMap<>(oneOrder);
        otherInstance.put("instance", "10.0.0.2:9102");

        String key = new AlertmanagerAlert("firing", null, oneOrder, Map.of(), STARTED, null, null).dedupeKey();
        String resolvedKey = new AlertmanagerAlert("resolved", "", otherOrder, Map.of("summary", "changed"), STARTED,
                STARTED.plusSeconds(60), null).dedupeKey();
        String otherKey = new AlertmanagerAlert("firing", null, otherInstance, Map.of(), STARTED, null, null)
                .dedupeKey();

        assertTrue(key.matches("alertmanager:[0-9a-f]{64}"), key);
        assertEquals(key, resolvedKey);
        assertNotEquals(key, otherKey);
    }

    @Test
    void label_hashes_do_not_confuse_where_a_name_ends_and_its_value_begins() {
        String one = new AlertmanagerAlert("firing", null, Map.of("ab", "c"), Map.of(), null, null, null).dedupeKey();
        String other = new AlertmanagerAlert("firing", null, Map.of("a", "bc"), Map.of(), null, null, null)
                .dedupeKey();

        assertNotEquals(one, other);
    }
}
