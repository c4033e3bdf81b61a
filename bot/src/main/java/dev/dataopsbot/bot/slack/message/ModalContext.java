package dev.dataopsbot.bot.slack.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * Where a modal came from, carried in the view's {@code private_metadata} so its submission can
 * answer in the right place: {@code {"incident":"INC-12","channel":"C1","message_ts":"1.2"}}.
 *
 * @param incident  the incident the modal acts on; null for the triage modal
 * @param channel   the channel to answer in; required
 * @param messageTs the triage message to update; null when there is none
 */
public record ModalContext(IncidentKey incident, String channel, String messageTs) {

    public ModalContext {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a modal needs the channel it was opened from");
        }
    }

    /**
     * The incident, for modals that act on one.
     *
     * @throws IllegalArgumentException when the context has none
     */
    public IncidentKey requireIncident() {
        if (incident == null) {
            throw new IllegalArgumentException("this modal acts on an incident, but its context names none (channel "
                    + channel + ")");
        }
        return incident;
    }

    public String toJson() {
        ObjectNode json = new ObjectMapper().createObjectNode();
        if (incident != null) {
            json.put("incident", incident.toString());
        }
        json.put("channel", channel);
        if (messageTs != null) {
            json.put("message_ts", messageTs);
        }
        return json.toString();
    }

    /** @throws IllegalArgumentException naming what is wrong with the metadata */
    public static ModalContext parse(String privateMetadata) {
        if (privateMetadata == null || privateMetadata.isBlank()) {
            throw new IllegalArgumentException("the modal's private_metadata is empty; expected "
                    + "{\"channel\": ..., \"incident\": ..., \"message_ts\": ...}");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(privateMetadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the modal's private_metadata is not JSON: " + e.getOriginalMessage());
        }
        if (!json.isObject() || !json.path("channel").isTextual()) {
            throw new IllegalArgumentException("the modal's private_metadata has no \"channel\": " + cut(privateMetadata));
        }
        IncidentKey incident = json.hasNonNull("incident") ? IncidentKey.parse(json.get("incident").asText()) : null;
        String ts = json.hasNonNull("message_ts") ? json.get("message_ts").asText() : null;
        return new ModalContext(incident, json.get("channel").asText(), ts);
    }

    private static String cut(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
