package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.IncidentKey;

class InteractionsTest {

    @Test
    void the_actions_block_id_names_its_incident() {
        assertEquals("incident_actions:INC-12", Interactions.actionsBlockId(new IncidentKey(12)));
        assertEquals(new IncidentKey(12), Interactions.keyOf("incident_actions:INC-12"));
    }

    @Test
    void other_block_ids_are_refused() {
        for (String id : new String[] {null, "", "INC-12", "note_text", "incident_actions:", "incident_actions:INC-0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interactions.keyOf(id));
            assertTrue(e.getMessage().contains("INC-"), e.getMessage());
        }
    }
}
