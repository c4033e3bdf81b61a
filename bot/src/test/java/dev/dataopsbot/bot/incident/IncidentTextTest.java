package dev.dataopsbot.bot.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.SourceIdentity;

/** What decided an incident and the feedback on it, in {@code incident show} and its JSON. */
class IncidentTextTest {

    private static Incident incident(String decidedRule, String rulePack, String confirmed, String confirmedMode) {
        return new Incident(new IncidentKey(3), "rate_limit in salesforce", "rate_limit", "SEV3", IncidentStatus.OPEN,
                "fp", new SourceIdentity("salesforce", null, null, null, null), null, null, 1, null, null,
                Instant.parse("2026-11-25T03:00:00Z"), null, null, null, decidedRule, rulePack, confirmed, confirmedMode);
    }

    @Test
    void show_names_the_decider_with_its_rule_pack_and_the_latest_feedback() {
        String shown = new IncidentText().show(incident("rate_limit: http 429 too many requests", "3f2a9c1b0d4e",
                Incident.WRONG, "dependency_unavailable"), List.of());

        assertTrue(shown.contains("\nFailure mode:   rate_limit\n"
                + "Decided by:     rate_limit: http 429 too many requests  (rule pack 3f2a9c1b0d4e)\n"
                + "Feedback:       wrong: it is dependency_unavailable\n"), shown);
        assertTrue(new IncidentText().show(incident("case salesforce-004", null, Incident.WRONG, null), List.of())
                .contains("\nDecided by:     case salesforce-004\nFeedback:       wrong (no mode named)\n"));
    }

    @Test
    void show_leaves_both_rows_out_when_nothing_is_known() {
        String shown = new IncidentText().show(incident(null, null, null, null), List.of());

        assertFalse(shown.contains("Decided by:"), shown);
        assertFalse(shown.contains("Feedback:"), shown);
    }

    @Test
    void the_json_has_the_four_fields_null_when_unknown() {
        IncidentJson json = new IncidentJson(new ObjectMapper());
        ObjectNode known = json.incident(incident("team case TC-3", "3f2a9c1b0d4e", Incident.RIGHT, "rate_limit"));
        ObjectNode unknown = json.incident(incident(null, null, null, null));

        assertEquals("team case TC-3", known.get("decided_rule").asText());
        assertEquals("3f2a9c1b0d4e", known.get("rule_pack").asText());
        assertEquals("right", known.get("confirmed").asText());
        assertEquals("rate_limit", known.get("confirmed_mode").asText());
        for (String field : List.of("decided_rule", "rule_pack", "confirmed", "confirmed_mode")) {
            assertTrue(unknown.get(field).isNull(), field);
        }
    }
}
