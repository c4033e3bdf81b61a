package dev.dataopsbot.bot.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The extracted text of real-looking integration alerts, given to the real classifier. */
class AlertClassificationTest {

    private static TriageService triage;
    private final AlertMessageText extractor = new AlertMessageText();

    @BeforeAll
    static void buildTheClassifier() {
        triage = TriageServiceFactory.create(BotConfig.fromEnv(Map.of()), warning -> { });
    }

    @ParameterizedTest
    @CsvSource({
            "airflow-failure-callback, credential_expiry",
            "datadog-monitor-alert,    credential_expiry",
            "ge-validation-failed,     data_quality",
            "elementary-test-failure,  data_quality",
            "monte-carlo-incident,     upstream_lag",
            "grafana-firing,           upstream_lag",
            "pagerduty-triggered,      dependency_unavailable",
            "alertmanager-firing,      dependency_unavailable",
            "human-pasted-log,         dependency_unavailable"})
    void extracted_alert_classifies_as_its_failure_mode(String fixture, String mode) {
        String text = extractor.extract(AlertMessages.message(fixture));

        assertEquals(mode, triage.triage("slack", text).verdict().failureMode(), fixture + ":\n" + text);
    }
}
