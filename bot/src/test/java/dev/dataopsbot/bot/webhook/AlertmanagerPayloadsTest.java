package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import org.junit.jupiter.api.Test;

/** The benchmark's generated bodies are payloads this package reads, and each closes its own loop. */
class AlertmanagerPayloadsTest {

    @Test
    void a_resolved_payload_resolves_the_alert_its_firing_payload_raised() {
        for (int n = 0; n < 20; n++) {
            AlertmanagerNotification firing = parse(AlertmanagerPayloads.firing(n));
            AlertmanagerNotification resolved = parse(AlertmanagerPayloads.resolved(n));

            AlertmanagerAlert raised = firing.alerts().get(0);
            AlertmanagerAlert closed = resolved.alerts().get(0);
            assertTrue(raised.firing() && closed.resolved(), "n=" + n);
            assertEquals(raised.dedupeKey(), closed.dedupeKey(), "n=" + n);
            assertEquals(firing.groupKey(), resolved.groupKey(), "n=" + n);
            assertTrue(closed.endsAt().isAfter(closed.startsAt()), "n=" + n);
            assertNotEquals(raised.deliveryId(), closed.deliveryId(), "n=" + n);
        }
    }

    @Test
    void every_number_is_its_own_alert_with_eight_kinds_in_turn() {
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int n = 0; n < 1000; n++) {
            AlertmanagerAlert alert = parse(AlertmanagerPayloads.firing(n)).alerts().get(0);
            keys.add(alert.dedupeKey());
            names.add(alert.alertName());
        }
        assertEquals(1000, keys.size());
        assertEquals(8, names.size());
    }

    private static AlertmanagerNotification parse(String body) {
        return AlertmanagerNotification.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
