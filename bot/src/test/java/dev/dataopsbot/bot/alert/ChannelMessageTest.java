package dev.dataopsbot.bot.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChannelMessageTest {

    @Test
    void an_app_message_reads_channel_ts_sender_attachments_and_the_bot_profile_name() {
        ChannelMessage message = AlertMessages.message("datadog-monitor-alert");

        assertEquals("C0DATAALERT", message.channel());
        assertEquals("1722823600.118300", message.ts());
        assertEquals("U02DATADOG", message.user());
        assertEquals("B02DATADOG", message.botId());
        assertEquals("Datadog", message.username());
        assertEquals("", message.text());
        assertEquals(1, message.attachments().size());
        assertNull(message.blocks());
        assertNull(message.threadTs());
        assertNull(message.subtype());
        assertTrue(message.isFromIntegration());
    }

    @Test
    void a_webhook_message_reads_its_subtype_and_username() {
        ChannelMessage message = AlertMessages.message("airflow-failure-callback");

        assertEquals("bot_message", message.subtype());
        assertEquals("Airflow", message.username());
        assertTrue(message.text().startsWith(":red_circle: Task Failed."));
        assertTrue(message.isFromIntegration());
    }

    @Test
    void username_wins_over_the_bot_profile_name() throws Exception {
        ChannelMessage message = ChannelMessage.fromEvent(new ObjectMapper().readTree(
                "{\"username\": \"Airflow prod\", \"bot_id\": \"B1\", \"bot_profile\": {\"name\": \"Airflow\"}}"));

        assertEquals("Airflow prod", message.username());
    }

    @Test
    void a_person_s_message_has_no_bot_fields_and_keeps_its_blocks() {
        ChannelMessage message = AlertMessages.message("human-question");

        assertEquals("U01BOB", message.user());
        assertNull(message.botId());
        assertNull(message.username());
        assertNull(message.attachments());
        assertEquals("rich_text", message.blocks().get(0).path("type").asText());
        assertFalse(message.isFromIntegration());
    }

    @Test
    void a_thread_reply_reads_its_thread_ts() {
        ChannelMessage message = AlertMessages.message("thread-reply");

        assertEquals("1722823512.004100", message.threadTs());
        assertEquals("1722823800.501100", message.ts());
    }

    @Test
    void fields_of_the_wrong_shape_read_as_absent() throws Exception {
        ChannelMessage message = ChannelMessage.fromEvent(new ObjectMapper().readTree(
                "{\"text\": null, \"attachments\": \"none\", \"blocks\": {}, \"user\": {\"id\": \"U1\"}}"));

        assertNull(message.text());
        assertNull(message.attachments());
        assertNull(message.blocks());
        assertNull(message.user());
    }
}
