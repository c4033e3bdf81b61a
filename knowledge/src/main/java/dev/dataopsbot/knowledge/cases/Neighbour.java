package dev.dataopsbot.knowledge.cases;

/**
 * A labelled case near an alert.
 *
 * @param similarity cosine similarity of their weighted terms, 0..1
 * @param line       the case's line that shares the most with the alert
 */
public record Neighbour(LabelledCase labelledCase, double similarity, String line) {
}
