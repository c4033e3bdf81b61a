package dev.dataopsbot.bot.alert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message posted in a channel, as the Events API {@code message} event carries it. Every field
 * may be null: Slack omits what does not apply ({@code thread_ts} outside threads, {@code user}
 * for integrations, {@code bot_id} for people).
 *
 * @param threadTs    the thread's parent ts; equal to {@code ts} on a parent, different on a reply
 * @param username    the integration's display name ({@code username}, else {@code bot_profile.name})
 * @param attachments the legacy {@code attachments} array, or null
 * @param blocks      the Block Kit {@code blocks} array, or null
 */
public record ChannelMessage(String channel, String ts, String threadTs, String user, String botId, String subtype,
                             String username, String text, JsonNode attachments, JsonNode blocks) {

    /** Reads the {@code event} object of an {@code event_callback} whose type is {@code message}. */
    public static ChannelMessage fromEvent(JsonNode event) {
        String username = string(event, "username");
        if (username == null) {
            username = string(event.path("bot_profile"), "name");
        }
        return new ChannelMessage(string(event, "channel"), string(event, "ts"), string(event, "thread_ts"),
                string(event, "user"), string(event, "bot_id"), string(event, "subtype"), username,
                string(event, "text"), array(event, "attachments"), array(event, "blocks"));
    }

    /** True when an integration (an app, a bot or an incoming webhook) posted it rather than a person. */
    public boolean isFromIntegration() {
        return botId != null || "bot_message".equals(subtype);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isArray() ? value : null;
    }
}
