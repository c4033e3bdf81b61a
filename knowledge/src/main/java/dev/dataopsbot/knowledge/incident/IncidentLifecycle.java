package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What people do to an incident: acknowledge, change severity, post status updates, notes and
 * action items, mitigate, resolve, reopen. Each command is one transaction that checks the
 * incident's status first; a command the status does not allow throws
 * {@link LifecycleException} and changes nothing. Free text (and the actor and owner names,
 * which are free text too) is redacted and capped before it is stored or echoed in a refusal.
 */
public final class IncidentLifecycle {

    private static final Set<String> SEVERITIES = Set.of("SEV1", "SEV2", "SEV3", "SEV4");
    private static final int MAX_ACTOR_CHARS = 200;

    private final IncidentDatabase database;
    private final Clock clock;
    private final UnaryOperator<String> redactor;
    private final Timeline timeline;

    /** @param redactor removes secrets and personal data from free text before it is stored */
    public IncidentLifecycle(IncidentDatabase database, Clock clock, UnaryOperator<String> redactor) {
        this.database = database;
        this.clock = clock;
        this.redactor = redactor;
        this.timeline = new Timeline(new ObjectMapper());
    }

    public Incident acknowledge(IncidentKey key, String actor) {
        return change(key, "acknowledge", (c, incident, now) -> {
            switch (incident.status()) {
                case OPEN -> { }
                case ACKNOWLEDGED -> throw refused(incident, "is already acknowledged");
                default -> throw refused(incident, "is " + incident.status().id() + "; only an open incident can be acknowledged");
            }
            setTimestamps(c, incident, "status = 'acknowledged', acknowledged_at = coalesce(acknowledged_at, ?)", now);
            timeline.append(c, key, now, EventKind.ACKNOWLEDGED, actor(actor), "acknowledged", timeline.detail());
        });
    }

    public Incident changeSeverity(IncidentKey key, String severity, String reason, String actor) {
        String wanted = severity == null ? "" : severity.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SEVERITIES.contains(wanted)) {
            throw new LifecycleException("'" + optional(severity) + "' is not a severity; use SEV1, SEV2, SEV3 or SEV4");
        }
        return change(key, "change the severity of", (c, incident, now) -> {
            if (incident.severity().equals(wanted)) {
                throw refused(incident, "is already " + wanted);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE incident SET severity = ? WHERE id = ?")) {
                update.setString(1, wanted);
                update.setLong(2, key.number());
                update.executeUpdate();
            }
            String why = reason == null || reason.isBlank() ? "" : clean(reason);
            timeline.append(c, key, now, EventKind.SEVERITY_CHANGED, actor(actor),
                    incident.severity() + " → " + wanted + (why.isEmpty() ? "" : ": " + why),
                    timeline.detail().put("from", incident.severity()).put("to", wanted));
        });
    }

    /** A status update for stakeholders; optionally records when the impact started. */
    public Incident statusUpdate(IncidentKey key, String text, Instant impactStartedAt, String actor) {
        String body = required(text, "a status update");
        return change(key, "post a status update on", (c, incident, now) -> {
            ObjectNode detail = timeline.detail();
            if (impactStartedAt != null) {
                if (impactStartedAt.isAfter(incident.detectedAt())) {
                    throw refused(incident, "was detected at " + UtcTimestamps.format(incident.detectedAt())
                            + "; the impact cannot start after that");
                }
                setTimestamps(c, incident, "impact_started_at = ?", impactStartedAt);
                detail.put("impact_started_at", UtcTimestamps.format(impactStartedAt));
            }
            timeline.append(c, key, now, EventKind.STATUS_UPDATE, actor(actor), body, detail);
        });
    }

    /** A note; {@code impact} marks notes that describe the impact (they go to the summary's Impact section). */
    public Incident note(IncidentKey key, String text, boolean impact, String actor) {
        String body = required(text, "a note");
        return change(key, "add a note to", (c, incident, now) -> timeline.append(c, key, now, EventKind.NOTE,
                actor(actor), body, impact ? timeline.detail().put("impact", true) : timeline.detail()));
    }

    /** A follow-up to do, with an optional owner. */
    public Incident actionItem(IncidentKey key, String text, String owner, String actor) {
        String body = required(text, "an action item");
        return change(key, "add an action item to", (c, incident, now) -> {
            ObjectNode detail = timeline.detail();
            if (owner != null && !owner.isBlank()) {
                detail.put("owner", actor(owner));
            }
            timeline.append(c, key, now, EventKind.ACTION_ITEM, actor(actor), body, detail);
        });
    }

    /** The impact is stopped (a workaround, a paused pipeline), the cause may remain. */
    public Incident mitigate(IncidentKey key, String text, String actor) {
        String body = optional(text);
        return change(key, "mitigate", (c, incident, now) -> {
            if (incident.status() == IncidentStatus.MITIGATED || incident.isResolved()) {
                throw refused(incident, "is already " + incident.status().id());
            }
            if (byPerson(actor)) {
                setTimestamps(c, incident, "status = 'mitigated', acknowledged_at = coalesce(acknowledged_at, ?), "
                        + "mitigated_at = ?", now, now);
            } else {
                setTimestamps(c, incident, "status = 'mitigated', mitigated_at = ?", now);
            }
            timeline.append(c, key, now, EventKind.MITIGATED, actor(actor), body, implicitAck(incident, actor));
        });
    }

    /** Resolved, with what fixed it. */
    public Incident resolve(IncidentKey key, String resolution, String actor) {
        String body = required(resolution, "a resolution (what fixed it)");
        return change(key, "resolve", (c, incident, now) -> {
            if (incident.isResolved()) {
                throw refused(incident, "is already resolved (at " + UtcTimestamps.format(incident.resolvedAt()) + ")");
            }
            if (byPerson(actor)) {
                setTimestamps(c, incident, "status = 'resolved', acknowledged_at = coalesce(acknowledged_at, ?), "
                        + "mitigated_at = coalesce(mitigated_at, ?), resolved_at = ?", now, now, now);
            } else {
                setTimestamps(c, incident, "status = 'resolved', mitigated_at = coalesce(mitigated_at, ?), "
                        + "resolved_at = ?", now, now);
            }
            timeline.append(c, key, now, EventKind.RESOLVED, actor(actor), body, implicitAck(incident, actor));
        });
    }

    /** Back to open: the fix did not hold. */
    public Incident reopen(IncidentKey key, String reason, String actor) {
        String body = optional(reason);
        return change(key, "reopen", (c, incident, now) -> {
            if (!incident.isResolved()) {
                throw refused(incident, "is " + incident.status().id() + "; only a resolved incident can be reopened");
            }
            setTimestamps(c, incident, "status = 'open', mitigated_at = NULL, resolved_at = NULL");
            timeline.append(c, key, now, EventKind.REOPENED, actor(actor), body,
                    timeline.detail().put("resolved_at", UtcTimestamps.format(incident.resolvedAt())));
        });
    }

    /** Records that a post-incident summary was generated (the summary leaves these events out). */
    public Incident summaryGenerated(IncidentKey key, String where, String actor) {
        return change(key, "record the summary of", (c, incident, now) -> timeline.append(c, key, now,
                EventKind.SUMMARY_GENERATED, actor(actor), optional(where), timeline.detail()));
    }

    /**
     * Someone says whether the classification was right; {@code correctMode} is their answer, or
     * null. A correction ("wrong, it is M") makes the incident's first alert a team case of M, a
     * confirmation makes it one of the incident's mode, in the same transaction, which also sets
     * the incident's {@link Incident#confirmed()} verdict: the latest feedback wins.
     */
    public Incident feedback(IncidentKey key, boolean classificationCorrect, String correctMode, String comment,
                             String actor) {
        return change(key, "record feedback on", (c, incident, now) -> {
            ObjectNode detail = timeline.detail().put("correct", classificationCorrect)
                    .put("classified_as", incident.failureMode());
            if (correctMode != null && !correctMode.isBlank()) {
                detail.put("correct_mode", clean(correctMode));
            }
            timeline.append(c, key, now, EventKind.FEEDBACK, actor(actor), optional(comment), detail);
            confirm(c, key, classificationCorrect ? Incident.RIGHT : Incident.WRONG, classificationCorrect
                    ? incident.failureMode() : detail.has("correct_mode") ? detail.get("correct_mode").asText() : null);
            if (!classificationCorrect && detail.has("correct_mode")) {
                TeamCases.learnFrom(c, incident, detail.get("correct_mode").asText(), actor(actor), TeamCase.CORRECTION, now);
            } else if (classificationCorrect && !incident.failureMode().equals("unknown")) {
                TeamCases.learnFrom(c, incident, incident.failureMode(), actor(actor), TeamCase.CONFIRMATION, now);
            } else if (!classificationCorrect) {
                TeamCases.forget(c, incident);
            }
        });
    }

    private static void confirm(Connection c, IncidentKey key, String verdict, String mode) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE incident SET confirmed = ?, confirmed_mode = ? WHERE id = ?")) {
            update.setString(1, verdict);
            update.setString(2, mode);
            update.setLong(3, key.number());
            update.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Step {
        void apply(Connection connection, Incident incident, Instant now) throws SQLException;
    }

    private Incident change(IncidentKey key, String verb, Step step) {
        return database.writeIncident("cannot " + verb + " " + key + " in", c -> {
            Incident incident = IncidentRows.requireLocked(c, database.dialect(), key);
            step.apply(c, incident, clock.instant());
            return IncidentRows.require(c, key);
        });
    }

    private static void setTimestamps(Connection c, Incident incident, String assignments, Instant... values)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE incident SET " + assignments + " WHERE id = ?")) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, UtcTimestamps.format(values[i]));
            }
            update.setLong(values.length + 1, incident.key().number());
            update.executeUpdate();
        }
    }

    /**
     * Only a person acknowledges: a person who mitigates or resolves an unacknowledged incident
     * acknowledges it too, the source's own recovery (the bot acting) does not, so such an
     * incident has no time to acknowledge.
     */
    private static boolean byPerson(String actor) {
        return actor != null && !actor.isBlank() && !TimelineEvent.BOT.equals(actor.strip());
    }

    private ObjectNode implicitAck(Incident incident, String actor) {
        ObjectNode detail = timeline.detail();
        if (incident.acknowledgedAt() == null && byPerson(actor)) {
            detail.put("implicit_ack", true);
        }
        return detail;
    }

    private static LifecycleException refused(Incident incident, String why) {
        return new LifecycleException(incident.key() + " " + why + "; nothing was changed");
    }

    private String required(String text, String what) {
        String body = optional(text);
        if (body.isEmpty()) {
            throw new LifecycleException(what + " needs text; nothing was changed");
        }
        return body;
    }

    private String optional(String text) {
        return text == null ? "" : clean(text);
    }

    private String clean(String text) {
        return TextCap.cap(redactor.apply(text.strip()), TextCap.MAX_NOTE_CHARS);
    }

    /** Who did it (a Slack user id, {@code cli}, a --by name) or an action item's owner: free text too, so redacted. */
    private String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return TimelineEvent.BOT;
        }
        String a = redactor.apply(actor.strip());
        return a.length() > MAX_ACTOR_CHARS ? a.substring(0, MAX_ACTOR_CHARS) : a;
    }
}
