package dev.dataopsbot.knowledge.report;

/**
 * The incidents of one failure mode detected in the window.
 *
 * @param unresolved        how many of them are not resolved yet
 * @param timeToAcknowledge detection → acknowledgement, over those acknowledged
 * @param timeToResolve     detection → resolution, over those resolved
 */
public record FailureModeStats(String failureMode, int incidents, int unresolved,
                               DurationStats timeToAcknowledge, DurationStats timeToResolve) {
}
