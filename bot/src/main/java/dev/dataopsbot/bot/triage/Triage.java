package dev.dataopsbot.bot.triage;

import java.util.List;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.rules.Verdict;

/**
 * One triage, whatever the entry point: the verdict, the runbooks and similar past incidents
 * that fit, the redacted text it was computed from, what was redacted and, once recorded, the
 * incident it opened or updated. Renderers only format this.
 *
 * @param redactions how many of each kind were redacted, by kind id ({@code github_pat}, {@code email})
 * @param incident what recording did; null when nothing was recorded ({@code --dry-run})
 */
public record Triage(
        Verdict verdict,
        List<RunbookHit> runbooks,
        List<SimilarIncident> similarIncidents,
        String redactedText,
        Map<String, Integer> redactions,
        List<String> warnings,
        Recorded incident) {

    public Triage {
        runbooks = List.copyOf(runbooks);
        similarIncidents = List.copyOf(similarIncidents);
        redactions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(redactions));
        warnings = List.copyOf(warnings);
    }

    /** This triage, recorded as {@code recorded}. */
    public Triage recordedAs(Recorded recorded) {
        return new Triage(verdict, runbooks, similarIncidents, redactedText, redactions, warnings, recorded);
    }
}
