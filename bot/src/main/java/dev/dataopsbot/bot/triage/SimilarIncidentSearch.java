package dev.dataopsbot.bot.triage;

import java.util.List;

import dev.dataopsbot.knowledge.similar.SimilarIncident;

/** Finds resolved past incidents that resemble a new alert; {@link #NONE} when there is no store. */
@FunctionalInterface
public interface SimilarIncidentSearch {

    SimilarIncidentSearch NONE = (failureMode, system, text, limit) -> List.of();

    /**
     * @param system the alert's system, or empty
     * @param text   the alert's evidence lines and entities
     */
    List<SimilarIncident> search(String failureMode, String system, String text, int limit);
}
