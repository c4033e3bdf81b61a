package dev.dataopsbot.bot.triage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.routing.Route;

/**
 * One triage, whatever the entry point: the verdict, the runbooks and similar past incidents
 * that fit, the redacted text it was computed from, what was redacted and, once recorded, the
 * incident it opened or updated. Renderers only format this.
 *
 * @param redactions how many of each kind were redacted, by kind id ({@code github_pat}, {@code email})
 * @param cases     the nearest cases and their vote (stage 2), shown beside the rule evidence
 * @param decidedBy which stage decided: {@code rules}, {@code cases}, {@code team case},
 *                  {@code rules and cases}, {@code below threshold} or {@code nothing recognised}
 * @param decisionReason one sentence on why that stage decided
 * @param decider   the rule, catalogue entry or case that decided ({@link AlertDecider.Decided#decider()}), or null
 * @param rulePack  the hash of the rule pack in force, or null when not known
 * @param incident what recording did; null when nothing was recorded ({@code --dry-run}, or not an incident)
  * @param route    the route of the routing file that matched; empty without a routing file or a match.
 *                 The verdict's severity and escalation already include what it decided.
 * @param notRecorded why recording opened no incident (a success notice, binary input); null otherwise
 */
public record Triage(
        Verdict verdict,
        List<RunbookHit> runbooks,
        List<SimilarIncident> similarIncidents,
        String redactedText,
        Map<String, Integer> redactions,
        List<String> warnings,
        CaseVote cases,
        String decidedBy,
        String decisionReason,
        String decider,
        String rulePack,
        Recorded incident,
        Optional<Route> route,
        String notRecorded) {

    public Triage {
        runbooks = List.copyOf(runbooks);
        similarIncidents = List.copyOf(similarIncidents);
        redactions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(redactions));
        warnings = List.copyOf(warnings);
    }

    /** This triage, recorded as {@code recorded}. */
    public Triage recordedAs(Recorded recorded) {
        return new Triage(verdict, runbooks, similarIncidents, redactedText, redactions, warnings, cases, decidedBy,
                decisionReason, decider, rulePack, recorded, route, null);
    }

    /** This triage, which opened no incident, and why. */
    public Triage notRecorded(String why) {
        return new Triage(verdict, runbooks, similarIncidents, redactedText, redactions, warnings, cases, decidedBy,
                decisionReason, decider, rulePack, null, route, why);
    }
}
