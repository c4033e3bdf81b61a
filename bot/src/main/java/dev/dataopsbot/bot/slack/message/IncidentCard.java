package dev.dataopsbot.bot.slack.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.SourceAlert;
import dev.dataopsbot.knowledge.incident.StoredAlert;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Everything the triage message shows, read from the store's history so the message can be
 * re-rendered after any change (acknowledge, resolve, severity, feedback).
 *
 * @param confidence     of the first classification, 0 to 1
 * @param secondary      other failure modes the first classification saw (symptoms), ids of the taxonomy
 * @param safeToRetry    {@code yes}, {@code no} or {@code after_fix}
 * @param safeToRetryReason why, a short phrase; empty for a classification stored before reasons existed
 * @param escalateTo     who to escalate to; empty when nobody is known
 * @param evidence       up to 3 evidence lines of the classified mode, each once with the rules that fired on it
 * @param runbooks       the suggested runbooks, best first
 * @param similar        resolved past incidents like this one (never this one)
 * @param acknowledgedBy actor of the last acknowledgement since the last reopening, or null
 * @param resolution     the last resolution, or null when not resolved
 * @param correction     the last feedback that named another mode, or null
 * @param notices        extra context lines, e.g. "input larger than 1 MiB: the middle was cut"
 * @param nearest        the labelled cases nearest to the first alert, closest first
 * @param mention        who the routing file says to tell, as written there ({@code <!subteam^S…|handle>},
 *                       {@code <@U…>}, {@code #channel}...); empty when no route named anyone
 * @param sourceAlert    the first alert as its source described it (name, labels, summary, links), or null
 */
public record IncidentCard(Incident incident, double confidence, List<String> secondary, String safeToRetry,
                           String safeToRetryReason, String escalateTo, List<EvidenceLine> evidence, List<RunbookLink> runbooks, List<SimilarIncident> similar,
                           String acknowledgedBy, Resolution resolution, Correction correction, List<String> notices,
                           List<NearestCase> nearest, String mention, SourceAlert sourceAlert) {

    static final int MAX_EVIDENCE = 3;

    /** One line of the alert and the rules that fired on it, strongest first. */
    public record EvidenceLine(int line, String text, List<String> rules) {
        public EvidenceLine {
            rules = List.copyOf(rules);
        }
    }

    /** A labelled case near the alert: its id, mode, system, similarity, provenance and matching line. */
    public record NearestCase(String id, String mode, String system, double similarity, String source, boolean team,
                              String line) {
    }

    /** @param snippet the matching passage, empty when the timeline does not hold one */
    public record RunbookLink(String id, String title, String path, String snippet) {
    }

    /**
     * @param by   who resolved it
     * @param text what fixed it
     */
    public record Resolution(String by, String text) {
    }

    /**
     * @param mode    the mode feedback says is right
     * @param comment empty when none was given
     */
    public record Correction(String mode, String by, String comment) {
    }

    public IncidentCard {
        Objects.requireNonNull(incident, "incident");
        evidence = List.copyOf(evidence);
        runbooks = List.copyOf(runbooks);
        similar = List.copyOf(similar);
        notices = List.copyOf(notices);
        nearest = List.copyOf(nearest);
        mention = mention == null ? "" : mention;
    }

    /** The card of an incident; {@code similar} may include the incident itself, which is left out. */
    public static IncidentCard from(IncidentHistory history, List<SimilarIncident> similar) {
        JsonNode classified = MissingNode.getInstance();
        List<RunbookLink> runbooks = List.of();
        String acknowledgedBy = null;
        Resolution resolution = null;
        Correction correction = null;
        for (TimelineEvent event : history.timeline()) {
            JsonNode detail = event.detail();
            switch (event.kind()) {
                case CLASSIFIED -> {
                    if (classified.isMissingNode()) {
                        classified = detail;
                    }
                }
                case RUNBOOK_SUGGESTED -> runbooks = runbooks(detail);
                case ACKNOWLEDGED -> acknowledgedBy = event.actor();
                case RESOLVED -> resolution = new Resolution(event.actor(), event.text());
                case REOPENED -> {
                    acknowledgedBy = null;
                    resolution = null;
                }
                case FEEDBACK -> {
                    if (!detail.path("correct").asBoolean(true) && detail.hasNonNull("correct_mode")) {
                        correction = new Correction(detail.get("correct_mode").asText(), event.actor(), event.text());
                    }
                }
                default -> { }
            }
        }
        Incident incident = history.incident();
        List<String> secondary = new ArrayList<>();
        classified.path("secondary").forEach(mode -> secondary.add(mode.asText()));
        return new IncidentCard(incident, classified.path("confidence").asDouble(0), List.copyOf(secondary),
                classified.path("safe_to_retry").asText("no"), classified.path("safe_to_retry_reason").asText(""),
                classified.path("escalate_to").asText(""),
                evidence(classified, incident.failureMode()), runbooks,
                similar.stream().filter(past -> !past.key().equals(incident.key())).toList(),
                acknowledgedBy, resolution, correction, List.of(), nearest(classified),
                classified.path("routing").path("mention").asText(""),

                history.alerts().stream().findFirst().flatMap(StoredAlert::sourceAlert).orElse(null));
    }

    private static List<NearestCase> nearest(JsonNode classified) {
        List<NearestCase> cases = new ArrayList<>();
        for (JsonNode n : classified.path("nearest_cases")) {
            cases.add(new NearestCase(n.path("id").asText(""), n.path("failure_mode").asText(""), n.path("system").asText(""),
                    n.path("similarity").asDouble(0), n.path("source").asText(""), n.path("team").asBoolean(false),
                    n.path("line").asText("")));
        }
        return cases;
    }

    /** The same card with these notices. */
    public IncidentCard withNotices(List<String> notices) {
        return new IncidentCard(incident, confidence, secondary, safeToRetry, safeToRetryReason, escalateTo, evidence,
                runbooks, similar,
                acknowledgedBy, resolution, correction, notices, nearest, mention, sourceAlert);
    }

    private static List<EvidenceLine> evidence(JsonNode classified, String incidentMode) {
        String mode = classified.path("failure_mode").asText(incidentMode);
        // the store keeps one element per rule (per-rule reports count them); the card shows each line once
        java.util.Map<Integer, EvidenceLine> lines = new java.util.LinkedHashMap<>();
        for (JsonNode e : classified.path("evidence")) {
            if (!e.path("failure_mode").asText(mode).equals(mode)) {
                continue;
            }
            int line = e.path("line").asInt();
            EvidenceLine seen = lines.get(line);
            String rule = e.path("rule").asText("");
            if (seen != null) {
                if (!rule.isEmpty() && !seen.rules().contains(rule)) {
                    List<String> rules = new ArrayList<>(seen.rules());
                    rules.add(rule);
                    lines.put(line, new EvidenceLine(line, seen.text(), rules));
                }
            } else if (lines.size() < MAX_EVIDENCE) {
                lines.put(line, new EvidenceLine(line, e.path("text").asText(""), rule.isEmpty() ? List.of() : List.of(rule)));
            }
        }
        return List.copyOf(lines.values());
    }

    private static List<RunbookLink> runbooks(JsonNode detail) {
        List<RunbookLink> links = new ArrayList<>();
        for (JsonNode r : detail.path("runbooks")) {
            links.add(new RunbookLink(r.path("id").asText(""), r.path("title").asText(""), r.path("path").asText(""),
                    r.path("snippet").asText("")));
        }
        return links;
    }
}
