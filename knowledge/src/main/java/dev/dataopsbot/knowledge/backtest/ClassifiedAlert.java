package dev.dataopsbot.knowledge.backtest;

import java.time.Instant;
import java.util.List;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * The alert an incident was classified on (its first), with what was decided then and what
 * people said of it since.
 *
 * @param incident         the incident
 * @param detectedAt       when it was detected (its first alert arrived)
 * @param source           where that alert came from ({@code cli}, {@code slack}, {@code alertmanager}...)
 * @param text             the alert text as stored: redacted, capped
 * @param recordedMode     the mode the incident was classified as
 * @param recordedDecider  what decided it (a rule, a catalogue entry, a case, a team case), or null
 * @param recordedRulePack the short hash of the rule pack in force then, or null when not recorded
 * @param confirmed        the latest feedback: {@code right}, {@code wrong}, or null when nobody said
 * @param confirmedMode    the mode that feedback confirmed (the recorded one when right, the correct
 *                         one when wrong), or null when none was named
 * @param teamCaseIds      the team cases ({@code TC-n}) learned from this incident, lowest first: leave
 *                         them out when replaying it, or it is judged by its own answer
 */
public record ClassifiedAlert(IncidentKey incident, Instant detectedAt, String source, String text,
                              String recordedMode, String recordedDecider, String recordedRulePack,
                              String confirmed, String confirmedMode, List<String> teamCaseIds) {

    public ClassifiedAlert {
        teamCaseIds = List.copyOf(teamCaseIds);
    }
}
