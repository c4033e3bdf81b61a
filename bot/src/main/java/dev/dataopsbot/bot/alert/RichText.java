package dev.dataopsbot.bot.alert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks a {@code rich_text} block: each section, preformatted block and quote becomes a piece of
 * its own, each list item a {@code - } line. Inline elements are joined as Slack shows them: text
 * as written, links as {@code label (url)}, users as {@code @U...}, channels as {@code #C...},
 * emoji as {@code :name:}, broadcasts as {@code @here}.
 */
final class RichText {

    private final SlackMarkup markup;

    RichText(SlackMarkup markup) {
        this.markup = markup;
    }

    void walk(JsonNode block, DistinctLines out) {
        for (JsonNode element : block.path("elements")) {
            if (out.isFull()) {
                return;
            }
            switch (element.path("type").asText()) {
                case "rich_text_list" -> list(element, out);
                case "rich_text_section", "rich_text_preformatted", "rich_text_quote" -> out.add(inline(element));
                default -> { }
            }
        }
    }

    private void list(JsonNode list, DistinctLines out) {
        boolean ordered = "ordered".equals(list.path("style").asText());
        int number = list.path("offset").asInt(0);
        for (JsonNode item : list.path("elements")) {
            number++;
            String text = inline(item);
            if (!text.isBlank()) {
                out.add((ordered ? number + ". " : "- ") + text);
            }
        }
    }

    private String inline(JsonNode container) {
        StringBuilder text = new StringBuilder();
        for (JsonNode element : container.path("elements")) {
            text.append(element(element));
            if (text.length() >= DistinctLines.MAX_CHARS) {
                break;
            }
        }
        return text.toString();
    }

    private String element(JsonNode element) {
        return switch (element.path("type").asText()) {
            case "text" -> element.path("text").asText("");
            case "link" -> markup.link(element.path("url").asText(""), element.path("text").asText(null));
            case "user" -> "@" + element.path("user_id").asText("");
            case "usergroup" -> "@" + element.path("usergroup_id").asText("");
            case "channel" -> "#" + element.path("channel_id").asText("");
            case "emoji" -> ":" + element.path("name").asText("") + ":";
            case "broadcast" -> "@" + element.path("range").asText("here");
            case "date" -> element.path("fallback").asText("");
            case "color" -> element.path("value").asText("");
            default -> "";
        };
    }
}
