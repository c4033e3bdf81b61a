package dev.dataopsbot.bot.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * The web links of an alert message, in reading order: {@code <url|label>} links in its text,
 * attachments and blocks, attachment titles with a {@code title_link}, link buttons and rich-text
 * links. Airflow callbacks carry their "View log" link this way and dbt Cloud its run and job
 * links; the triage message keeps them. Only {@code http} and {@code https} links, each URL once,
 * at most {@link #MAX_LINKS}.
 */
public final class MessageLinks {

    static final int MAX_LINKS = 6;
    static final int MAX_LABEL_CHARS = 60;
    private static final Pattern LINK = Pattern.compile("<(https?://[^|<>\\s]{1,3000})(?:\\|([^<>\\n]{0,500}))?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPHASIS = Pattern.compile("[*_~`]");

    private final SlackMarkup markup = new SlackMarkup();

    /** The links of {@code message}; empty when it has none. */
    public List<SourceAlert.Link> of(ChannelMessage message) {
        Found found = new Found();
        found.inText(message.text());
        walk(message.attachments(), found);
        walk(message.blocks(), found);
        return List.copyOf(found.links);
    }

    private void walk(JsonNode node, Found found) {
        if (node == null || found.isFull()) {
            return;
        }
        if (node.isTextual()) {
            found.inText(node.textValue());
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, found));
        } else if (node.isObject()) {
            if (node.path("title_link").isTextual()) {
                found.add(node.path("title_link").textValue(), node.path("title").asText(""));
            }
            if (node.path("url").isTextual()) {
                JsonNode text = node.path("text");
                found.add(node.path("url").textValue(), text.isObject() ? text.path("text").asText("") : text.asText(""));
            }
            node.properties().forEach(entry -> {
                if (!entry.getKey().equals("url") && !entry.getKey().equals("title_link")) {
                    walk(entry.getValue(), found);
                }
            });
        }
    }

    private final class Found {

        private final List<SourceAlert.Link> links = new ArrayList<>();
        private final Set<String> urls = new LinkedHashSet<>();

        boolean isFull() {
            return links.size() >= MAX_LINKS;
        }

        void inText(String mrkdwn) {
            if (mrkdwn == null || mrkdwn.indexOf('<') < 0) {
                return;
            }
            Matcher link = LINK.matcher(mrkdwn);
            while (link.find() && !isFull()) {
                add(link.group(1), link.group(2) == null ? "" : link.group(2));
            }
        }

        void add(String rawUrl, String rawLabel) {
            String url = markup.unescape(rawUrl.strip());
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            if (isFull() || !(lower.startsWith("http://") || lower.startsWith("https://")) || !urls.add(url)) {
                return;
            }
            String label = EMPHASIS.matcher(markup.decode(rawLabel)).replaceAll("").strip().replaceAll("\\s+", " ");
            if (label.isEmpty() || label.equalsIgnoreCase(url)) {
                label = "Link";
            }
            if (label.length() > MAX_LABEL_CHARS) {
                label = label.substring(0, MAX_LABEL_CHARS - 1) + "…";
            }
            links.add(new SourceAlert.Link(label, url));
        }
    }
}
