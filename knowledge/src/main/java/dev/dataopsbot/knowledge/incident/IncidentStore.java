package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns triaged alerts into incidents and reads them back. An alert whose fingerprint matches an
 * open incident is a repeat; one matching an incident resolved less than 24 hours ago reopens
 * it; otherwise it opens a new incident, linked to the last one with that fingerprint. Each call
 * is one transaction.
 */
public final class IncidentStore {

    static final Duration REOPEN_WINDOW = Duration.ofHours(24);

    private final IncidentDatabase database;
    private final Clock clock;
    private final Timeline timeline;

    /** The alert field (in {@link AlertReport#entities()}) that names an alert without its state. */
    public static final String ALERT_KEY = "alert_key";

    public IncidentStore(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.timeline = new Timeline(new ObjectMapper());
    }

    /**
     * This store, with every call giving up {@code budget} from now ({@link StoreBusyException})
     * while the database is locked elsewhere: for the work done before acknowledging a request.
     */
    public IncidentStore within(Duration budget) {
        return new IncidentStore(database.within(budget), clock);
    }

    /** Records one alert: opens, repeats or reopens an incident. */
    public Recorded record(AlertReport alert) {
        Instant now = clock.instant();
        String fingerprint = fingerprint(alert, null);
        return database.write("cannot record the alert in", c -> recordIn(c, alert, fingerprint, now));
    }

    /**
     * Records an alert that arrived from outside (a Slack event, a webhook) exactly once: the
     * delivery id, the alert and the reply owed for it are written in one transaction, so a
     * re-delivery changes nothing and a crash before the reply leaves it pending.
     *
     * @return empty when this delivery was recorded before
     */
    public Optional<Received> receive(InboundAlert inbound) {
        Instant now = clock.instant();
        String fingerprint = fingerprint(inbound.report(), inbound.dedupeKey());
        return database.write("cannot record the alert in", c -> {
            if (!ProcessedDeliveries.claim(c, inbound.deliverySource(), inbound.deliveryId(), now)) {
                return Optional.empty();
            }
            Recorded recorded = recordIn(c, inbound.report(), fingerprint, now);
            Optional<PendingReply> reply = Optional.empty();
            if (inbound.replyChannel() != null) {
                PendingReply.Kind kind = recorded.outcome() == Recorded.Outcome.REPEATED
                        ? PendingReply.Kind.POINTER : PendingReply.Kind.TRIAGE;
                reply = Optional.of(PendingReplies.add(c, recorded.key(), kind, inbound.replyChannel(),
                        inbound.replyThreadTs(), now));
            }
            Optional<PendingReply> escalation = Optional.empty();
            if (inbound.escalationChannel() != null && recorded.isNew()) {
                escalation = Optional.of(PendingReplies.add(c, recorded.key(), PendingReply.Kind.ESCALATION,
                        inbound.escalationChannel(), null, now));
            }
            return Optional.of(new Received(recorded, reply, escalation));
        });
    }

    private static String fingerprint(AlertReport alert, String dedupeKey) {
        if (dedupeKey != null && !dedupeKey.isBlank()) {
            return TextCap.cap(dedupeKey.strip(), 300);
        }
        SourceIdentity source = SourceIdentity.fromEntities(alert.entities());
        String firstEvidence = alert.evidence().stream().filter(e -> e.failureMode().equals(alert.failureMode()))
                .map(AlertReport.EvidenceLine::text).findFirst().orElse("");
        return AlertFingerprint.of(alert.failureMode(), source, firstEvidence, alert.redactedText());
    }

    private Recorded recordIn(Connection c, AlertReport alert, String fingerprint, Instant now) throws SQLException {
        SourceIdentity source = SourceIdentity.fromEntities(alert.entities());
        Optional<Incident> last = lastWithFingerprint(c, fingerprint, true);
        if (last.isPresent() && !last.get().isResolved()) {
            return repeat(c, last.get(), alert, now, Recorded.Outcome.REPEATED);
        }
        if (last.isPresent() && last.get().resolvedAt().plus(REOPEN_WINDOW).isAfter(now)) {
            return repeat(c, last.get(), alert, now, Recorded.Outcome.REOPENED);
        }
        IncidentKey linkedTo = last.map(Incident::key).orElse(null);
        return open(c, alert, source, fingerprint, linkedTo, now);
    }

    /**
     * The newest unresolved incident with {@code fingerprint}, e.g. the dedupe key of an
     * {@link InboundAlert}, to close the loop on a recovery.
     */
    public Optional<Incident> findOpen(String fingerprint) {
        return database.read("cannot look up an incident in", c -> lastWithFingerprint(c, fingerprint, false)
                .filter(incident -> !incident.isResolved()));
    }

    /**
     * The newest unresolved incident of the pipeline object {@code source} names (dag and task;
     * else model or table, within the same system when both say one); empty when it names none.
     */
    public Optional<Incident> findOpen(SourceIdentity source) {
        if (!source.namesObject()) {
            return Optional.empty();
        }
        return database.read("cannot look up an incident in", c -> IncidentRows.newestOpenFor(c, source));
    }

    /**
     * The newest unresolved incident with an alert whose {@link #ALERT_KEY} field is {@code key}: the
     * alert's name without its state, for recoveries that name no pipeline object.
     */
    public Optional<Incident> findOpenByAlertKey(String key) {
        return database.read("cannot look up an incident in", c -> IncidentRows.newestOpenWithAlertField(c, database.dialect(), ALERT_KEY, key));
    }

    /** The incident discussed in Slack thread {@code threadTs} of {@code channel}. */
    public Optional<Incident> findByThread(String channel, String threadTs) {
        return database.read("cannot look up an incident in", c -> IncidentRows.byThread(c, channel, threadTs));
    }

    public Optional<Incident> find(IncidentKey key) {
        return database.read("cannot read " + key + " from", c -> IncidentRows.find(c, key));
    }

    /** @throws IncidentNotFoundException for a key never issued */
    public Incident require(IncidentKey key) {
        return find(key).orElseThrow(() -> new IncidentNotFoundException(key));
    }

    /** The incident's timeline, oldest first. */
    public List<TimelineEvent> timeline(IncidentKey key) {
        return database.read("cannot read the timeline of " + key + " from", c -> {
            IncidentRows.require(c, key);
            return timeline.of(c, key);
        });
    }

    /**
     * The incident, its timeline and its alerts from one snapshot, so that they agree while other
     * processes keep writing.
     *
     * @throws IncidentNotFoundException for a key never issued
     */
    public IncidentHistory history(IncidentKey key) {
        return database.read("cannot read " + key + " from", c ->
                new IncidentHistory(IncidentRows.require(c, key), timeline.of(c, key), alertsOf(c, key)));
    }

    private List<StoredAlert> alertsOf(Connection c, IncidentKey key) throws SQLException {
        List<StoredAlert> alerts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, received_at, source, text, fields FROM alert WHERE incident_id = ? ORDER BY id")) {
            select.setLong(1, key.number());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new StoredAlert(rs.getLong(1), key, UtcTimestamps.parse(rs.getString(2)),
                            rs.getString(3), rs.getString(4), timeline.json(rs.getString(5))));
                }
            }
        }
        return alerts;
    }

    /** Incidents, newest first; only those not resolved when {@code openOnly}. */
    public List<Incident> list(boolean openOnly, int limit) {
        String where = openOnly ? " WHERE status <> 'resolved'" : "";
        return database.read("cannot list the incidents in", c -> {
            List<Incident> incidents = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + IncidentRows.COLUMNS + " FROM incident" + where + " ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        incidents.add(IncidentRows.read(rs));
                    }
                }
            }
            return incidents;
        });
    }

    /**
     * Marks an external delivery (a Slack event, a webhook payload) as processed.
     *
     * @return true the first time, false for a retry already applied
     */
    public boolean claimDelivery(String source, String externalId) {
        return database.write("cannot record delivery " + externalId + " in",
                c -> ProcessedDeliveries.claim(c, source, externalId, clock.instant()));
    }

    /**
     * @param lock lock its row, in a write that may update it (a repeat): a person's change to the
     *             same incident (a row-locked write) then comes wholly before or after
     */
    private Optional<Incident> lastWithFingerprint(Connection c, String fingerprint, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + IncidentRows.COLUMNS + " FROM incident WHERE fingerprint = ? ORDER BY id DESC LIMIT 1"
                        + (lock ? database.dialect().forUpdate() : ""))) {
            select.setString(1, fingerprint);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(IncidentRows.read(rs)) : Optional.empty();
            }
        }
    }

    private Recorded open(Connection c, AlertReport alert, SourceIdentity source, String fingerprint,
                          IncidentKey linkedTo, Instant now) throws SQLException {
        IncidentKey key;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO incident (title, failure_mode, severity, status, "
                + "fingerprint, system, dag_id, task_id, model, table_name, channel, thread_ts, alert_count, "
                + "linked_incident_id, impact_started_at, detected_at, decided_rule, rule_pack) "
                + "VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, TextCap.cap(alert.title(), 300));
            insert.setString(2, alert.failureMode());
            insert.setString(3, alert.severity());
            insert.setString(4, fingerprint);
            insert.setString(5, source.system());
            insert.setString(6, source.dagId());
            insert.setString(7, source.taskId());
            insert.setString(8, source.model());
            insert.setString(9, source.table());
            insert.setString(10, alert.channel());
            insert.setString(11, alert.threadTs());
            if (linkedTo != null) {
                insert.setLong(12, linkedTo.number());
            } else {
                insert.setNull(12, Types.INTEGER);
            }
            insert.setString(13, UtcTimestamps.formatNullable(alert.impactStartedAt()));
            insert.setString(14, UtcTimestamps.format(now));
            insert.setString(15, alert.decision().decider());
            insert.setString(16, alert.decision().rulePack());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                key = new IncidentKey(keys.getLong(1));
            }
        }
        long alertId = insertAlert(c, key, alert, now);
        ObjectNode received = timeline.detail().put("alert_id", alertId).put("source", alert.source())
                .put("fingerprint", fingerprint);
        if (linkedTo != null) {
            received.put("follows", linkedTo.toString());
        }
        timeline.append(c, key, now, EventKind.ALERT_RECEIVED, TimelineEvent.BOT, "alert received from " + alert.source(), received);
        timeline.append(c, key, now, EventKind.CLASSIFIED, TimelineEvent.BOT, String.format(Locale.ROOT,
                "classified as %s (confidence %.2f, %s)", alert.failureMode(), alert.confidence(), alert.severity()),
                classification(alert));
        if (!alert.runbooks().isEmpty()) {
            suggestRunbooks(c, key, alert, now);
        }
        return new Recorded(key, Recorded.Outcome.NEW, 1, linkedTo);
    }

    private Recorded repeat(Connection c, Incident incident, AlertReport alert, Instant now, Recorded.Outcome outcome)
            throws SQLException {
        int count = incident.alertCount() + 1;
        String reopen = outcome == Recorded.Outcome.REOPENED
                ? ", status = 'open', mitigated_at = NULL, resolved_at = NULL" : "";
        try (PreparedStatement update = c.prepareStatement("UPDATE incident SET alert_count = ?, "
                + "channel = coalesce(channel, ?), thread_ts = coalesce(thread_ts, ?)" + reopen + " WHERE id = ?")) {
            update.setInt(1, count);
            update.setString(2, alert.channel());
            update.setString(3, alert.threadTs());
            update.setLong(4, incident.key().number());
            update.executeUpdate();
        }
        long alertId = insertAlert(c, incident.key(), alert, now);
        if (outcome == Recorded.Outcome.REOPENED) {
            timeline.append(c, incident.key(), now, EventKind.REOPENED, TimelineEvent.BOT,
                    "fired again within 24 h of resolution",
                    timeline.detail().put("resolved_at", UtcTimestamps.format(incident.resolvedAt())));
        }
        timeline.append(c, incident.key(), now, EventKind.ALERT_REPEATED, TimelineEvent.BOT,
                "alert repeated from " + alert.source() + " (" + count + " alerts)",
                timeline.detail().put("alert_id", alertId).put("source", alert.source()).put("count", count));
        return new Recorded(incident.key(), outcome, count, null);
    }

    private long insertAlert(Connection c, IncidentKey key, AlertReport alert, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert (incident_id, received_at, source, text, fields) VALUES (?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, key.number());
            insert.setString(2, UtcTimestamps.format(now));
            insert.setString(3, alert.source());
            insert.setString(4, TextCap.cap(alert.redactedText(), TextCap.MAX_ALERT_CHARS));
            ObjectNode fields = timeline.detail();
            alert.entities().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> fields.put(e.getKey(), e.getValue()));
            if (alert.sourceAlert() != null) {
                fields.set(SourceAlert.FIELD, alert.sourceAlert().toJson());
            }
            insert.setString(5, fields.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private ObjectNode classification(AlertReport alert) {
        ObjectNode detail = timeline.detail()
                .put("failure_mode", alert.failureMode())
                .put("confidence", alert.confidence())
                .put("severity", alert.severity())
                .put("safe_to_retry", alert.safeToRetry())
                .put("safe_to_retry_reason", alert.safeToRetryReason())
                .put("escalate_to", alert.escalateTo());
        ArrayNode secondary = detail.putArray("secondary");
        alert.secondary().forEach(secondary::add);
        ArrayNode evidence = detail.putArray("evidence");
        for (AlertReport.EvidenceLine line : alert.evidence()) {
            evidence.addObject().put("line", line.line()).put("text", TextCap.cap(line.text(), 500))
                    .put("rule", line.rule()).put("failure_mode", line.failureMode());
        }
        if (alert.routing() != null) {
            AlertReport.Routing routing = alert.routing();
            detail.putObject("routing").put("route", routing.route()).put("mention", routing.mention())
                    .put("label", routing.label()).put("tier", routing.tier()).put("severity_floor", routing.severityFloor());
        }
        detail.put("decided_by", alert.decision().decidedBy()).put("decision", alert.decision().reason());
        if (alert.decision().decider() != null) {
            detail.put("decider", alert.decision().decider());
        }
        if (alert.decision().rulePack() != null) {
            detail.put("rule_pack", alert.decision().rulePack());
        }
        ArrayNode nearest = detail.putArray("nearest_cases");
        for (AlertReport.NearestCase n : alert.decision().nearest()) {
            nearest.addObject().put("id", n.id()).put("system", n.system()).put("failure_mode", n.failureMode())
                    .put("similarity", n.similarity()).put("line", TextCap.cap(n.line(), 300))
                    .put("source", n.source()).put("team", n.team());
        }
        return detail;
    }

    private void suggestRunbooks(Connection c, IncidentKey key, AlertReport alert, Instant now) throws SQLException {
        ObjectNode detail = timeline.detail();
        ArrayNode list = detail.putArray("runbooks");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO runbook_suggestion "
                + "(incident_id, suggested_at, runbook_id, title, path, score, snippet) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (AlertReport.SuggestedRunbook runbook : alert.runbooks()) {
                insert.setLong(1, key.number());
                insert.setString(2, UtcTimestamps.format(now));
                insert.setString(3, runbook.id());
                insert.setString(4, runbook.title());
                insert.setString(5, runbook.path());
                insert.setDouble(6, runbook.score());
                insert.setString(7, runbook.snippet());
                insert.addBatch();
                list.addObject().put("id", runbook.id()).put("title", runbook.title()).put("path", runbook.path());
            }
            insert.executeBatch();
        }
        String ids = alert.runbooks().stream().map(AlertReport.SuggestedRunbook::id).collect(Collectors.joining(", "));
        timeline.append(c, key, now, EventKind.RUNBOOK_SUGGESTED, TimelineEvent.BOT, "runbooks suggested: " + ids, detail);
    }
}
