package dev.dataopsbot.bot.alert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks legacy attachments: pretext, author, title (with its link), text, fields as
 * {@code Title: value}, blocks inside the attachment, footer, and last the fallback, kept only when
 * it says something the rest did not (it usually repeats the title and text).
 */
final class AttachmentText {

    private final SlackMarkup markup;
    private final BlockText blockText;

    AttachmentText(SlackMarkup markup, BlockText blockText) {
        this.markup = markup;
        this.blockText = blockText;
    }

    void walk(JsonNode attachments, DistinctLines out) {
        if (attachments == null) {
            return;
        }
        for (JsonNode attachment : attachments) {
            if (out.isFull()) {
                return;
            }
            out.add(markup.decode(attachment.path("pretext").asText("")));
            out.add(attachment.path("author_name").asText(""));
            out.add(title(attachment));
            out.add(markup.decode(attachment.path("text").asText("")));
            attachment.path("fields").forEach(field -> out.add(field(field)));
            blockText.walk(attachment.path("blocks"), out);
            out.add(markup.decode(attachment.path("footer").asText("")));
            out.addUnlessCovered(markup.decode(attachment.path("fallback").asText("")));
        }
    }

    private String title(JsonNode attachment) {
        String title = markup.decode(attachment.path("title").asText(""));
        String link = markup.unescape(attachment.path("title_link").asText(""));
        return title.isBlank() || link.isBlank() ? title : markup.link(link, title);
    }

    /** {@code Title: value}; a multi-line value keeps its lines under the title's. */
    private String field(JsonNode field) {
        String title = markup.decode(field.path("title").asText("")).strip();
        String value = markup.decode(field.path("value").asText("")).strip();
        if (title.isEmpty()) {
            return value;
        }
        if (value.isEmpty()) {
            return title;
        }
        return value.contains("\n") ? title + ":\n" + value : title + ": " + value;
    }
}
