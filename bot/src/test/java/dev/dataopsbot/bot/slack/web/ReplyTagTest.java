package dev.dataopsbot.bot.slack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.slack.api.model.Message;
import org.junit.jupiter.api.Test;

class ReplyTagTest {

    @Test
    void a_reply_is_found_by_its_own_tag_and_by_a_digest_that_settles_it_but_not_by_another_reply() {
        ReplyTag reply = ReplyTag.ofReply("INC-3", 12);
        ReplyTag digest = new ReplyTag(List.of("INC-3", "INC-4"), List.of("r12", "r13"));
        assertTrue(reply.isSettledBy(reply.metadata()));
        assertTrue(reply.isSettledBy(digest.metadata()));
        assertFalse(reply.isSettledBy(ReplyTag.ofReply("INC-3", 121).metadata()), "r121 is not r12");
        assertFalse(reply.isSettledBy(null));
        assertFalse(reply.isSettledBy(new Message.Metadata("other_app_event", Map.of("deliveries", "r12"))));
    }

    @Test
    void the_metadata_names_the_incidents_and_deliveries_as_slack_shows_them() {
        Message.Metadata metadata = new ReplyTag(List.of("INC-3", "INC-4"), List.of("r12", "r13")).metadata();
        assertEquals(ReplyTag.EVENT_TYPE, metadata.getEventType());
        assertEquals(Map.of("incidents", "INC-3,INC-4", "deliveries", "r12,r13"), metadata.getEventPayload());
        assertEquals("storm digest of 2 incidents", new ReplyTag(List.of("INC-3", "INC-4"), List.of("r12", "r13")).about());
    }
}
