package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.IncidentKey;

class ModalContextTest {

    @Test
    void round_trips_through_private_metadata() {
        ModalContext context = new ModalContext(new IncidentKey(12), "C0ALERTS", "1764040330.000100");
        assertEquals("{\"incident\":\"INC-12\",\"channel\":\"C0ALERTS\",\"message_ts\":\"1764040330.000100\"}", context.toJson());
        assertEquals(context, ModalContext.parse(context.toJson()));
    }

    @Test
    void the_triage_modal_context_has_only_a_channel() {
        ModalContext context = new ModalContext(null, "C1", null);
        assertEquals("{\"channel\":\"C1\"}", context.toJson());
        assertEquals(context, ModalContext.parse(context.toJson()));
    }

    @Test
    void bad_metadata_is_refused_with_a_clear_message() {
        assertRefused(null, "private_metadata is empty");
        assertRefused("", "private_metadata is empty");
        assertRefused("{not json", "private_metadata is not JSON");
        assertRefused("[1, 2]", "has no \"channel\"");
        assertRefused("{\"incident\": \"INC-1\"}", "has no \"channel\"");
        assertRefused("{\"channel\": \"C1\", \"incident\": \"bogus\"}", "'bogus' is not an incident key");
        assertRefused("{\"channel\": \"  \"}", "needs the channel");
    }

    private static void assertRefused(String metadata, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModalContext.parse(metadata));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
