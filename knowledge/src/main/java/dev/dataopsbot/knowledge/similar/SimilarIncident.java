package dev.dataopsbot.knowledge.similar;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * A resolved past incident that resembles the one at hand, with what fixed it.
 *
 * @param resolution         the text of its resolution
 * @param resolvedInMinutes  time from detection to resolution
 * @param score              Lucene relevance score, higher is closer
 */
public record SimilarIncident(IncidentKey key, String title, String failureMode, String resolution,
                              long resolvedInMinutes, double score) {
}
