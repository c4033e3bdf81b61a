package dev.dataopsbot.bot.alert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Block Kit text object ({@code {"type": "mrkdwn"|"plain_text", "text": ...}}) read as plain
 * text: {@code mrkdwn} is decoded, {@code plain_text} is literal.
 */
final class TextObject {

    private final SlackMarkup markup;

    TextObject(SlackMarkup markup) {
        this.markup = markup;
    }

    /** The text of {@code node}; a bare string is read as {@code mrkdwn}; anything else is empty. */
    String read(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return markup.decode(node.asText());
        }
        String text = node.path("text").asText("");
        return "plain_text".equals(node.path("type").asText()) ? text : markup.decode(text);
    }
}
