package dev.dataopsbot.knowledge.incident;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of an incident's append-only timeline.
 *
 * @param actor  a user id, or {@code bot}
 * @param detail structured data of the event (evidence of a classification, owner of an action
 *               item, ...); an empty object when there is none
 */
public record TimelineEvent(long id, IncidentKey incident, Instant at, EventKind kind, String actor, String text,
                            JsonNode detail) {

    public static final String BOT = "bot";
}
