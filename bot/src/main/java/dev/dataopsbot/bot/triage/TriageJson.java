package dev.dataopsbot.bot.triage;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.cases.Neighbour;
import dev.dataopsbot.rules.EvidenceLine;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.routing.Mention;
import dev.dataopsbot.rules.routing.Route;

/** The triage JSON of the architecture contract; fields may be added, never renamed. */
public final class TriageJson {

    /** Evidence lines shown, each once with all its rules. */
    static final int MAX_EVIDENCE = 10;
    static final int MAX_EVIDENCE_CHARS = 500;
    static final int MAX_CASES = 3;

    private final ObjectMapper mapper;

    public TriageJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode render(Triage triage) {
        Verdict v = triage.verdict();
        ObjectNode out = mapper.createObjectNode();
        out.put("failure_mode", v.failureMode());
        out.put("confidence", v.confidence());
        ArrayNode secondary = out.putArray("secondary");
        v.secondary().forEach(secondary::add);
        out.put("severity", v.severity());
        out.put("escalate_to", v.escalateTo());
        out.put("safe_to_retry", v.safeToRetry());
        out.put("safe_to_retry_reason", v.safeToRetryReason());
        triage.route().ifPresent(route -> out.set("routing", routing(route)));
        ArrayNode evidence = out.putArray("evidence");
        v.evidenceLines().stream().limit(MAX_EVIDENCE).forEach(e -> evidence.add(evidence(e)));
        ObjectNode entities = out.putObject("entities");
        v.entities().forEach(entities::put);
        ArrayNode runbooks = out.putArray("runbooks");
        triage.runbooks().forEach(hit -> runbooks.add(runbook(hit)));
        ArrayNode similar = out.putArray("similar_incidents");
        triage.similarIncidents().forEach(past -> similar.add(similarIncident(past)));
        if (triage.incident() != null) {
            out.set("incident", incident(triage.incident()));
        } else if (triage.notRecorded() != null) {
            out.putNull("incident");
            out.put("no_incident_reason", triage.notRecorded());
        }
        out.put("decided_by", triage.decidedBy());
        out.put("decision", triage.decisionReason());
        ArrayNode nearest = out.putArray("nearest_cases");
        triage.cases().neighbours().stream().limit(MAX_CASES).forEach(n -> nearest.add(neighbour(n)));
        ArrayNode precedence = out.putArray("precedence");
        v.precedence().forEach(precedence::add);
        ObjectNode redactions = out.putObject("redactions");
        triage.redactions().forEach(redactions::put);
        if (!triage.warnings().isEmpty()) {
            ArrayNode warnings = out.putArray("warnings");
            triage.warnings().forEach(warnings::add);
        }
        return out;
    }

    /** The route that matched: its name, who it tells (null: nobody new), the dataset tier and severity floor (null: none). */
    private ObjectNode routing(Route route) {
        ObjectNode node = mapper.createObjectNode();
        node.put("route", route.name());
        node.put("mention", route.mention().map(Mention::text).orElse(null));
        node.put("label", route.escalateTo(""));
        if (route.tier().isPresent()) {
            node.put("tier", route.tier().getAsInt());
        } else {
            node.putNull("tier");
        }
        node.put("severity_floor", route.effectiveFloor().map(Enum::name).orElse(null));
        return node;
    }

    /** One element per line: {@code rule} the strongest rule on it, {@code rules} all of them, strongest first. */
    private ObjectNode evidence(EvidenceLine e) {
        ObjectNode node = mapper.createObjectNode();
        node.put("line", e.line());
        String text = e.text();
        node.put("text", text.length() > MAX_EVIDENCE_CHARS ? text.substring(0, MAX_EVIDENCE_CHARS - 1) + "…" : text);
        node.put("rule", e.rule());
        ArrayNode rules = node.putArray("rules");
        e.rules().forEach(rules::add);
        node.put("failure_mode", e.failureMode());
        node.put("weight", e.weight());
        return node;
    }

    private ObjectNode neighbour(Neighbour n) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", n.labelledCase().id());
        node.put("system", n.labelledCase().system());
        node.put("failure_mode", n.labelledCase().mode());
        node.put("similarity", n.similarity());
        node.put("line", n.line());
        node.put("source", n.labelledCase().source());
        node.put("team", n.labelledCase().team());
        return node;
    }

    private ObjectNode similarIncident(SimilarIncident past) {
        ObjectNode node = mapper.createObjectNode();
        node.put("key", past.key().toString());
        node.put("title", past.title());
        node.put("failure_mode", past.failureMode());
        node.put("resolution", past.resolution());
        node.put("resolved_in_minutes", past.resolvedInMinutes());
        node.put("score", past.score());
        return node;
    }

    private ObjectNode incident(Recorded recorded) {
        ObjectNode node = mapper.createObjectNode();
        node.put("key", recorded.key().toString());
        node.put("new", recorded.isNew());
        node.put("outcome", recorded.outcome().name().toLowerCase(Locale.ROOT));
        node.put("alert_count", recorded.alertCount());
        if (recorded.linkedTo() != null) {
            node.put("follows", recorded.linkedTo().toString());
        }
        return node;
    }

    private ObjectNode runbook(RunbookHit hit) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", hit.id());
        node.put("title", hit.title());
        node.put("path", hit.path());
        ArrayNode modes = node.putArray("failure_modes");
        hit.failureModes().forEach(modes::add);
        node.put("score", hit.score());
        node.put("snippet", hit.snippet());
        return node;
    }
}
