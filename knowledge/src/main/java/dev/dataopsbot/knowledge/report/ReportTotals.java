package dev.dataopsbot.knowledge.report;

/**
 * The whole window at a glance.
 *
 * @param incidents  incidents detected in the window
 * @param unresolved how many of those are not resolved yet
 * @param closedUnacknowledged how many the source closed (recovered, resolved) with no person
 *                   acknowledging them: they have no time to acknowledge
 * @param alerts     alerts received in the window (also those of incidents detected earlier)
 */
public record ReportTotals(int incidents, int unresolved, int closedUnacknowledged, int alerts,
                           DurationStats timeToAcknowledge, DurationStats timeToResolve) {
}
