package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Alertmanager alerts, as {@link AlertmanagerAlert#text()}, through the real classifier. */
class AlertmanagerClassificationTest {

    private static TriageService triage;

    @BeforeAll
    static void buildTheClassifierOnce() {
        triage = TriageServiceFactory.create(BotConfig.fromEnv(Map.of()), warning -> { });
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            KubeJobFailed | Job failed to complete. | Job data/orders-nightly-28551840 failed: container load terminated with reason OOMKilled (exit code 137). | resource_exhaustion
            TargetDown | Target is down. | Scrape of http://10.0.4.12:9102/metrics failed: dial tcp 10.0.4.12:9102: connect: connection refused | dependency_unavailable
            KafkaConsumerLag | Consumer group lag is growing. | Consumer group orders-sink on topic orders is 1284512 messages behind; consumer lag has been growing for 15m. | upstream_lag
            NodeFilesystemSpaceFillingUp | Filesystem is almost full. | Filesystem /var/lib/postgresql on db-3 has 2.1% available space left: no space left on device is expected within 4 hours. | resource_exhaustion
            """)
    void a_firing_alert_is_classified_by_its_annotations(String alertname, String summary, String description,
                                                         String mode) {
        String body = """
                {"version": "4", "groupKey": "{}:{alertname=\\"%1$s\\"}", "status": "firing",
                 "alerts": [{"status": "firing", "fingerprint": "0a1b2c3d4e5f6071",
                             "labels": {"alertname": "%1$s", "severity": "critical", "namespace": "data"},
                             "annotations": {"summary": "%2$s", "description": "%3$s"},
                             "startsAt": "2024-05-01T02:14:07Z", "endsAt": "0001-01-01T00:00:00Z"}]}
                """.formatted(alertname, summary, description);
        AlertmanagerAlert alert = AlertmanagerNotification.parse(body.getBytes(StandardCharsets.UTF_8)).alerts().get(0);

        assertEquals(mode, triage.triage("alertmanager", alert.text()).verdict().failureMode(), alert.text());
    }

    @ParameterizedTest(name = "benchmark alert {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void every_kind_of_benchmark_alert_is_classified_as_its_generator_expects(int n) {
        AlertmanagerAlert alert = AlertmanagerNotification.parse(
                AlertmanagerPayloads.firing(n).getBytes(StandardCharsets.UTF_8)).alerts().get(0);

        assertEquals(AlertmanagerPayloads.expectedFailureMode(n),
                triage.triage("alertmanager", alert.text()).verdict().failureMode(), alert.text());
    }
}
