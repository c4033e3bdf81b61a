package dev.dataopsbot.knowledge.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The alert as its source described it, kept for people to read beside the triage: its name, the
 * labels that identify what fires, its summary and description, and its links (runbook,
 * dashboard, query, silence, log, run). Built by whoever received the alert, redacted like the
 * alert text, and stored with the alert (as {@value #FIELD} of its fields).
 *
 * @param name        the alert's name ({@code alertname}); empty when the source has none
 * @param labels      the identifying labels, in the order they are shown
 * @param summary     empty when none
 * @param description empty when none
 * @param links       in the order they are shown
 */
public record SourceAlert(String name, List<Label> labels, String summary, String description, List<Link> links) {

    /** The key of the alert's stored fields that holds it. */
    public static final String FIELD = "source_alert";
    static final int MAX_VALUE_CHARS = 4_000;

    /** A label of the alert, e.g. {@code topic=orders}. */
    public record Label(String name, String value) {
    }

    /** A link the source gave, e.g. {@code Runbook} and its URL. */
    public record Link(String label, String url) {
    }

    public SourceAlert {
        name = name == null ? "" : name;
        labels = labels == null ? List.of() : List.copyOf(labels);
        summary = summary == null ? "" : summary;
        description = description == null ? "" : description;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** True when it says nothing: no name, labels, text or links. */
    public boolean isEmpty() {
        return name.isBlank() && labels.isEmpty() && summary.isBlank() && description.isBlank() && links.isEmpty();
    }

    /** As stored: an object with {@code name}, {@code labels}, {@code summary}, {@code description}, {@code links}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", TextCap.cap(name, MAX_VALUE_CHARS));
        ArrayNode labelArray = json.putArray("labels");
        labels.forEach(label -> labelArray.addObject().put("name", TextCap.cap(label.name(), MAX_VALUE_CHARS))
                .put("value", TextCap.cap(label.value(), MAX_VALUE_CHARS)));
        json.put("summary", TextCap.cap(summary, MAX_VALUE_CHARS));
        json.put("description", TextCap.cap(description, MAX_VALUE_CHARS));
        ArrayNode linkArray = json.putArray("links");
        links.forEach(link -> linkArray.addObject().put("label", TextCap.cap(link.label(), MAX_VALUE_CHARS))
                .put("url", link.url()));
        return json;
    }

    /** Reads what {@link #toJson} wrote; empty when {@code json} is not an object. */
    public static Optional<SourceAlert> fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        List<Label> labels = new ArrayList<>();
        json.path("labels").forEach(l -> labels.add(new Label(l.path("name").asText(""), l.path("value").asText(""))));
        List<Link> links = new ArrayList<>();
        json.path("links").forEach(l -> links.add(new Link(l.path("label").asText(""), l.path("url").asText(""))));
        return Optional.of(new SourceAlert(json.path("name").asText(""), labels, json.path("summary").asText(""),
                json.path("description").asText(""), links));
    }
}
