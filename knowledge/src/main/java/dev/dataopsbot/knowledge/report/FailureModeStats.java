package dev.dataopsbot.knowledge.report;

/**
 * The incidents of one failure mode detected in the window.
 *
 * @param unresolved        how many of them are not resolved yet
 * @param closedUnacknowledged how many the source closed with no person acknowledging them
 * @param timeToAcknowledge detection → acknowledgement by a person, over those acknowledged
 * @param timeToResolve     detection → resolution, over those resolved
 */
public record FailureModeStats(String failureMode, int incidents, int unresolved, int closedUnacknowledged,
                               DurationStats timeToAcknowledge, DurationStats timeToResolve) {
}
