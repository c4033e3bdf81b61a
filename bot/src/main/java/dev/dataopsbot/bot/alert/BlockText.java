package dev.dataopsbot.bot.alert;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks Block Kit blocks in reading order: headers, section text and fields, context elements,
 * {@code markdown} blocks and rich text. Buttons, images and dividers carry no alert text and are
 * skipped.
 */
final class BlockText {

    private static final Pattern LABELLED = Pattern.compile("\\*([^*\\n]{1,80}?):?\\*:?\\s*\\n(\\S.*)", Pattern.DOTALL);

    private final TextObject textObject;
    private final RichText richText;

    BlockText(SlackMarkup markup) {
        this.textObject = new TextObject(markup);
        this.richText = new RichText(markup);
    }

    void walk(JsonNode blocks, DistinctLines out) {
        if (blocks == null) {
            return;
        }
        for (JsonNode block : blocks) {
            if (out.isFull()) {
                return;
            }
            switch (block.path("type").asText()) {
                case "header" -> out.add(textObject.read(block.path("text")));
                case "section" -> section(block, out);
                case "context" -> block.path("elements").forEach(e -> out.add(textObject.read(e)));
                case "markdown" -> out.add(textObject.read(block.path("text")));
                case "rich_text" -> richText.walk(block, out);
                default -> { }
            }
        }
    }

    private void section(JsonNode block, DistinctLines out) {
        out.add(textObject.read(block.path("text")));
        block.path("fields").forEach(field -> out.add(field(textObject.read(field))));
    }

    /** A field written {@code *Title*\nvalue}, the usual layout, reads {@code Title: value}. */
    private static String field(String text) {
        Matcher labelled = LABELLED.matcher(text.strip());
        return labelled.matches() ? labelled.group(1).strip() + ": " + labelled.group(2) : text;
    }
}
