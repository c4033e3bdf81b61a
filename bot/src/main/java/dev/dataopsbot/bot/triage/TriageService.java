package dev.dataopsbot.bot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.dataopsbot.bot.alert.AlertSignals;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.knowledge.runbook.RunbookIndex;
import dev.dataopsbot.knowledge.runbook.RunbookQuery;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.rules.Alert;
import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.routing.Route;
import dev.dataopsbot.rules.routing.RoutingFacts;
import dev.dataopsbot.rules.routing.RoutingTable;
import dev.dataopsbot.rules.routing.TextLabels;
import dev.dataopsbot.rules.text.AlertText;
import dev.dataopsbot.rules.text.InputLimits;

/**
 * The one code path from raw alert text to a {@link Triage}: normalise and redact, classify
 * with the rules (stage 1) and the nearest cases (stage 2, see {@link TwoStageDecision}),
 * route with the team's routing file (who is told, tier, severity floor), retrieve runbooks.
 * Thread-safe; the Slack handlers, webhooks and the CLI all call it.
 */
public final class TriageService {

    public static final int RUNBOOK_LIMIT = 3;
    public static final int SIMILAR_INCIDENT_LIMIT = 3;
    private static final double BINARY_SHARE = 0.1;
    private static final String UNKNOWN = "unknown";

    private final AlertText alertText;
    private final FailureModeClassifier classifier;
    private final RunbookIndex runbookIndex;
    private final SimilarIncidentSearch pastIncidents;
    private final CaseKnowledge cases;
    private final RoutingTable routing;
    private final AlertDecider decider;
    private final String rulePack;
    private final TextLabels textLabels = new TextLabels();
    private final AlertSignals signals = new AlertSignals();

    public TriageService(AlertText alertText, FailureModeClassifier classifier, RunbookIndex runbookIndex,
                         SimilarIncidentSearch pastIncidents, CaseKnowledge cases) {
        this(alertText, classifier, runbookIndex, pastIncidents, cases, RoutingTable.none(), null);
    }

    private TriageService(AlertText alertText, FailureModeClassifier classifier, RunbookIndex runbookIndex,
                          SimilarIncidentSearch pastIncidents, CaseKnowledge cases, RoutingTable routing, String rulePack) {
        this.alertText = alertText;
        this.classifier = classifier;
        this.decider = new AlertDecider(classifier);
        this.rulePack = rulePack;
        this.runbookIndex = runbookIndex;
        this.pastIncidents = pastIncidents;
        this.cases = cases;
        this.routing = routing;
    }

    /** This service with past incidents searched by {@code search}. */
    public TriageService withPastIncidents(SimilarIncidentSearch search) {
        return new TriageService(alertText, classifier, runbookIndex, search, cases, routing, rulePack);
    }

    /** This service voting with {@code cases} (a store of its own: teaching it teaches no other service). */
    public TriageService withCases(CaseKnowledge cases) {
        return new TriageService(alertText, classifier, runbookIndex, pastIncidents, cases, routing, rulePack);
    }

    /** This service routing with {@code routing} (the team's routing file). */
    public TriageService withRouting(RoutingTable routing) {
        return new TriageService(alertText, classifier, runbookIndex, pastIncidents, cases, routing, rulePack);
    }

    /** This service naming {@code hash} as the rule pack of what it classifies ({@link dev.dataopsbot.rules.RulePack#hash()}). */
    public TriageService withRulePack(String hash) {
        return new TriageService(alertText, classifier, runbookIndex, pastIncidents, cases, routing, hash);
    }

    /** The case library this service votes with; teach it the team's cases. */
    public CaseKnowledge cases() {
        return cases;
    }

    /**
     * {@code raw} as stored and shown: normalised and redacted like alert text (secrets become
     * {@code [REDACTED]}, personal data {@code [REDACTED:kind]}).
     */
    public String redact(String raw) {
        return alertText.prepare(raw).text();
    }

    /** True when redaction would remove a secret or personal data from {@code raw}. */
    public boolean holdsRedactable(String raw) {
        return !alertText.prepare(raw).redactions().isEmpty();
    }

    /**
     * Triage of a text alert: its labels, for routing, are its {@code name: value} lines ({@link TextLabels}).
     *
     * @param source where the alert came from ({@code cli}, {@code slack}, ...)
     * @param raw    the text as received
     * @throws EmptyAlertException when there is nothing to classify
     */
    public Triage triage(String source, String raw) {
        return triage(source, raw, null);
    }

    /**
     * @param source where the alert came from ({@code cli}, {@code slack}, {@code alertmanager}, ...)
     * @param raw    the text as received
     * @param labels the alert's own labels (Alertmanager's), or null to read them from the text
     * @throws EmptyAlertException when there is nothing to classify
     */
    public Triage triage(String source, String raw, Map<String, String> labels) {
        AlertText.Prepared prepared = alertText.prepare(raw);
        if (prepared.isBlank()) {
            throw new EmptyAlertException();
        }
        List<String> warnings = new ArrayList<>();
        if (InputLimits.wasCut(prepared.text())) {
            warnings.add("input larger than 1 MiB: the middle was cut, the first and last " + (InputLimits.MAX_CHARS / 2 / 1024) + " KiB were classified");
        }
        long replaced = replacedBytes(prepared.text());
        if (looksBinary(replaced, prepared.text())) {
            warnings.add("input looks binary: " + replaced + " bytes were not text and were replaced");
        }
        Alert alert = Alert.of(source, prepared.text());
        CaseVote vote = cases.vote(prepared.text());
        AlertDecider.Decided decided = decider.decide(alert, vote);
        Verdict verdict = decided.verdict();
        if (verdict.failureMode().equals(UNKNOWN) && !verdict.notAFailure() && signals.notice(prepared.text()).isPresent()) {
            verdict = verdict.asNotAFailure();  // "DAG run ... succeeded": nothing failed, a re-run is not applicable
        }
        Optional<Route> route = Optional.empty();
        if (!routing.isEmpty()) {
            route = routing.route(new RoutingFacts(verdict.failureMode(), verdict.severity(), verdict.entities(),
                    labels != null ? labels : textLabels.of(prepared.text())));
            if (route.isPresent()) {
                verdict = verdict.routed(route.get().severity(verdict.severity()), route.get().escalateTo(verdict.escalateTo()));
            }
        }
        RunbookQuery query = queryFor(verdict);
        List<RunbookHit> runbooks = runbookIndex.search(query, RUNBOOK_LIMIT);
        List<SimilarIncident> similar = pastIncidents.search(verdict.failureMode(), query.system(), query.text(),
                SIMILAR_INCIDENT_LIMIT);
        return new Triage(verdict, runbooks, similar, prepared.text(), prepared.redactions(), warnings, vote,
                decided.decision().decidedBy(), decided.decision().reason(vote), decided.decider().orElse(null), rulePack,
                null, route, null);
    }

    /** True when more than a tenth of {@code text} is bytes that were not text (replaced by U+FFFD). */
    public static boolean looksBinary(String text) {
        return looksBinary(replacedBytes(text), text);
    }

    private static boolean looksBinary(long replaced, String text) {
        return replaced > 0 && replaced > BINARY_SHARE * text.length();
    }

    /** How many bytes of the input were not text: the decoder replaced each with U+FFFD. */
    private static long replacedBytes(String text) {
        return text.chars().filter(c -> c == '\uFFFD').count();
    }

    static RunbookQuery queryFor(Verdict verdict) {
        String evidence = verdict.primaryEvidence().stream().limit(5).map(Evidence::getText)
                .collect(Collectors.joining("\n"));
        String entities = verdict.entities().entrySet().stream()
                .filter(e -> !e.getKey().equals("run_id") && !e.getKey().equals("host"))
                .map(Map.Entry::getValue).collect(Collectors.joining(" "));
        return new RunbookQuery(verdict.failureMode(), verdict.secondary(),
                verdict.entities().getOrDefault("system", ""), evidence + "\n" + entities);
    }
}
