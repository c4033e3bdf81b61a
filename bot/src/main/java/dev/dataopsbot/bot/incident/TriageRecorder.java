package dev.dataopsbot.bot.incident;

import java.util.List;
import java.util.Optional;

import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.routing.Mention;

/**
 * Records a triage in the incident store: opens an incident or adds the alert to the one it
 * repeats. The store receives the redacted text only.
 */
public final class TriageRecorder {

    /** Nearest cases kept with a stored classification, as the triage JSON shows them. */
    static final int NEAREST_KEPT = 3;

    private final IncidentStore store;
    private final NonIncident nonIncident;

    public TriageRecorder(IncidentStore store) {
        this.store = store;
        this.nonIncident = new NonIncident(store);
    }

    /**
     * @param source   {@code cli}, {@code slack}, {@code alertmanager}...
     * @param channel  Slack channel of the alert, or null
     * @param threadTs Slack thread of the alert, or null
     * @return the triage with what recording did: the incident it opened or repeated, or, for a
     *         message that is not an incident ({@link NonIncident}), why none was opened
     */
    public Triage record(Triage triage, String source, String channel, String threadTs) {
        Optional<String> notAnIncident = nonIncident.why(triage);
        if (notAnIncident.isPresent()) {
            return triage.notRecorded(notAnIncident.get());
        }
        Recorded recorded = store.record(report(triage, source, channel, threadTs));
        return triage.recordedAs(recorded);
    }

    /** The store's view of a triage: redacted text, classification, suggested runbooks and the Slack location. */
    public static AlertReport report(Triage triage, String source, String channel, String threadTs) {
        return report(triage, source, channel, threadTs, null);
    }

    /** @param alertName the alert's name from its source ({@code alertname}), for the title; null when it has none */
    public static AlertReport report(Triage triage, String source, String channel, String threadTs, String alertName) {
        Verdict v = triage.verdict();
        List<AlertReport.EvidenceLine> evidence = v.evidence().stream()
                .map(e -> new AlertReport.EvidenceLine(e.getLine(), e.getText(), e.getRule(), e.getFailureMode()))
                .toList();
        List<AlertReport.SuggestedRunbook> runbooks = triage.runbooks().stream()
                .map(hit -> new AlertReport.SuggestedRunbook(hit.id(), hit.title(), hit.path(), hit.score(), hit.snippet()))
                .toList();
        return new AlertReport(source, triage.redactedText(), IncidentTitle.of(v, alertName), v.failureMode(), v.confidence(),
                v.severity(), v.safeToRetry(), v.escalateTo(), v.secondary(), v.entities(), evidence, runbooks,
                null, channel, threadTs, decision(triage), v.safeToRetryReason(), routing(triage), null);
    }

    private static AlertReport.Routing routing(Triage triage) {
        return triage.route().map(route -> new AlertReport.Routing(route.name(),
                route.mention().map(Mention::text).orElse(null), route.escalateTo(""),
                route.tier().isPresent() ? route.tier().getAsInt() : null,
                route.effectiveFloor().map(Enum::name).orElse(null))).orElse(null);
    }

    private static AlertReport.Decision decision(Triage triage) {
        List<AlertReport.NearestCase> nearest = triage.cases().neighbours().stream().limit(NEAREST_KEPT)
                .map(n -> new AlertReport.NearestCase(n.labelledCase().id(), n.labelledCase().system(),
                        n.labelledCase().mode(), n.similarity(), n.line(), n.labelledCase().source(), n.labelledCase().team()))
                .toList();
        return new AlertReport.Decision(triage.decidedBy(), triage.decisionReason(), nearest, triage.decider(),
                triage.rulePack());
    }
}
