package dev.dataopsbot.bot.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AlertTitleKeyTest {

    private final AlertTitleKey key = new AlertTitleKey();
    private final AlertMessageText extractor = new AlertMessageText();

    @Test
    void an_alert_and_its_recovery_from_the_same_integration_have_the_same_key() throws IOException {
        String[][] pairs = {
                {"datadog-monitor-alert", "datadog-monitor-recovery"},
                {"grafana-firing", "grafana-resolved"},
                {"cloudwatch-alarm", "cloudwatch-ok"},
                {"pagerduty-triggered", "pagerduty-resolved"},
                {"monte-carlo-incident", "monte-carlo-resolved"},
                {"alertmanager-firing", "alertmanager-resolved"}};
        for (String[] pair : pairs) {
            Optional<String> alert = key.of(extractor.extract(message(pair[0])));
            assertTrue(alert.isPresent(), pair[0] + " has a key");
            assertEquals(alert, key.of(extractor.extract(message(pair[1]))), pair[0] + " and " + pair[1]);
        }
    }

    @Test
    void different_alerts_have_different_keys_and_generic_lines_have_none() throws IOException {
        assertNotEquals(key.of(extractor.extract(message("datadog-monitor-alert"))),
                key.of(extractor.extract(message("grafana-firing"))));
        assertEquals(Optional.empty(), key.of(":red_circle: Task Failed.\n:x: Job run failed"));
        assertEquals(Optional.of("dag: orders_daily"), key.of(":red_circle: Task Failed.\nDag: orders_daily"),
                "a generic first line gives way to the next");
        assertEquals(Optional.empty(), key.of("[FIRING:1] TargetDown"));
        assertEquals(Optional.of("snowflake loader auth failures on orders_daily"),
                key.of("*Triggered*: [P2] Snowflake loader auth failures on orders_daily."));
    }

    private static ChannelMessage message(String name) throws IOException {
        try (InputStream in = AlertTitleKeyTest.class.getResourceAsStream("/alert-messages/" + name + ".json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            return ChannelMessage.fromEvent(json.has("event") ? json.get("event") : json);
        }
    }
}
