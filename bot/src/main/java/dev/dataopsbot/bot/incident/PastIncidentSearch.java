package dev.dataopsbot.bot.incident;

import java.util.List;

import dev.dataopsbot.bot.triage.SimilarIncidentSearch;
import dev.dataopsbot.knowledge.similar.PastIncidentIndexException;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Similar past incidents for the triage service, from the store's index. A damaged or
 * unavailable index costs the similar incidents of a triage, never the triage itself.
 */
public final class PastIncidentSearch implements SimilarIncidentSearch {

    private final IncidentKnowledge knowledge;

    public PastIncidentSearch(IncidentKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<SimilarIncident> search(String failureMode, String system, String text, int limit) {
        try {
            return knowledge.similarTo(failureMode, system, text, null, limit);
        } catch (PastIncidentIndexException e) {
            return List.of();
        }
    }
}
