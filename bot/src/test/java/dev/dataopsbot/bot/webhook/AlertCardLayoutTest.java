package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.SourceAlert;

class AlertCardLayoutTest {

    private final AlertCardLayout bundled = AlertCardLayout.bundled();

    @Test
    void known_labels_come_first_in_order_then_the_rest_sorted_and_noise_never() {
        List<SourceAlert.Label> shown = bundled.identifying(Map.of("alertname", "X", "bucket", "raw-events",
                "topic", "orders", "job", "kafka", "prometheus", "monitoring/k8s", "__name__", "lag",
                "prometheus_replica", "prometheus-k8s-0", "le", "0.5", "cluster", "eu-1"));

        assertEquals(List.of(new SourceAlert.Label("job", "kafka"), new SourceAlert.Label("cluster", "eu-1"),
                new SourceAlert.Label("topic", "orders"), new SourceAlert.Label("bucket", "raw-events")), shown);
    }

    @Test
    void service_is_shown_only_when_it_says_more_than_job() {
        assertEquals(List.of(new SourceAlert.Label("job", "api")),
                bundled.identifying(Map.of("job", "api", "service", "api")));
        assertEquals(List.of(new SourceAlert.Label("job", "api"), new SourceAlert.Label("service", "api-canary")),
                bundled.identifying(Map.of("job", "api", "service", "api-canary")));
    }

    @Test
    void at_most_max_labels_are_shown() {
        AlertCardLayout layout = AlertCardLayout.parse("first: b\nmax-labels: 2\n");

        assertEquals(List.of(new SourceAlert.Label("b", "2"), new SourceAlert.Label("a", "1")),
                layout.identifying(Map.of("a", "1", "b", "2", "c", "3")));
    }

    @Test
    void link_annotations_keep_their_order_and_names() {
        assertEquals(List.of("runbook_url", "runbook", "playbook_url", "dashboard_url", "dashboard", "grafana_url", "logs_url"),
                List.copyOf(bundled.linkAnnotations().keySet()));
        assertEquals("Runbook", bundled.linkAnnotations().get("runbook_url"));
    }

    @Test
    void a_line_without_a_name_is_refused_with_its_line_number() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AlertCardLayout.parse("# c\nfirst job\n"));

        assertEquals(AlertCardLayout.RESOURCE + ":2: expected 'name: word word ...'", e.getMessage());
    }
}
