package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.SourceIdentity;

class IncidentListMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final List<String> MODES = List.of("credential_expiry", "schema_drift", "upstream_lag", "timeout");
    private static final List<IncidentStatus> STATUSES = List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED,
            IncidentStatus.MITIGATED);

    private final IncidentListMessage list = new IncidentListMessage();

    @Test
    void no_open_incidents_says_so() throws Exception {
        SlackMessage message = list.render(List.of(), NOW);
        GoldenFiles.assertMatches("incidents-empty.json", message);
        assertEquals("No open incidents.", message.text());
    }

    @Test
    void a_few_open_incidents_show_one_line_each() throws Exception {
        SlackMessage message = list.render(incidents(3), NOW);
        GoldenFiles.assertMatches("incidents-few.json", message);
        assertEquals("3 open incidents", message.text());
    }

    @Test
    void a_long_list_is_packed_within_slack_limits_and_says_how_many_more() throws Exception {
        SlackMessage message = list.render(incidents(130), NOW);
        GoldenFiles.assertMatches("incidents-long.json", message);
        List<String> texts = TriageMessageTest.texts(message);
        assertTrue(texts.stream().allMatch(t -> t.length() <= BlockText.MAX_TEXT));
        assertTrue(TriageMessageTest.blocks(message).size() <= BlockText.MAX_BLOCKS);
        assertEquals("and 80 more.", texts.get(texts.size() - 1));
        assertEquals(IncidentListMessage.MAX_SHOWN, texts.stream().mapToLong(t -> t.lines().filter(l -> l.startsWith("*INC-")).count()).sum());
    }

    private static List<Incident> incidents(int count) {
        List<Incident> incidents = new ArrayList<>();
        for (int n = count; n >= 1; n--) {
            Instant detected = NOW.minus(Duration.ofMinutes(7L * n * n));
            incidents.add(new Incident(new IncidentKey(n), "orders_daily.load_orders failed <" + n + "> & retried "
                    + "x".repeat(n % 5 * 20), MODES.get(n % MODES.size()), "SEV" + (1 + n % 4), STATUSES.get(n % 3),
                    "fp" + n, SourceIdentity.UNKNOWN, null, null, 1, null, null, detected, null, null, null));
        }
        return incidents;
    }
}
