package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads {@link Incident}s from the {@code incident} table. */
final class IncidentRows {

    static final String COLUMNS = "id, title, failure_mode, severity, status, fingerprint, system, dag_id, task_id, model, "
            + "table_name, channel, thread_ts, alert_count, linked_incident_id, impact_started_at, detected_at, "
            + "acknowledged_at, mitigated_at, resolved_at, decided_rule, rule_pack, confirmed, confirmed_mode";

    private IncidentRows() {
    }

    static Incident read(ResultSet rs) throws SQLException {
        long linked = rs.getLong("linked_incident_id");
        return new Incident(
                new IncidentKey(rs.getLong("id")),
                rs.getString("title"),
                rs.getString("failure_mode"),
                rs.getString("severity"),
                IncidentStatus.fromId(rs.getString("status")),
                rs.getString("fingerprint"),
                new SourceIdentity(rs.getString("system"), rs.getString("dag_id"), rs.getString("task_id"),
                        rs.getString("model"), rs.getString("table_name")),
                rs.getString("channel"),
                rs.getString("thread_ts"),
                rs.getInt("alert_count"),
                linked == 0 ? null : new IncidentKey(linked),
                UtcTimestamps.parseNullable(rs.getString("impact_started_at")),
                UtcTimestamps.parse(rs.getString("detected_at")),
                UtcTimestamps.parseNullable(rs.getString("acknowledged_at")),
                UtcTimestamps.parseNullable(rs.getString("mitigated_at")),
                UtcTimestamps.parseNullable(rs.getString("resolved_at")),
                rs.getString("decided_rule"),
                rs.getString("rule_pack"),
                rs.getString("confirmed"),
                rs.getString("confirmed_mode"));
    }

    static Optional<Incident> find(Connection connection, IncidentKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?")) {
            select.setLong(1, key.number());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The incident, its row locked until the transaction ends (on PostgreSQL; SQLite's write lock covers it). */
    static Incident requireLocked(Connection connection, SqlDialect dialect, IncidentKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?"
                + dialect.forUpdate())) {
            select.setLong(1, key.number());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IncidentNotFoundException(key);
                }
                return read(rs);
            }
        }
    }

    static Incident require(Connection connection, IncidentKey key) throws SQLException {
        return find(connection, key).orElseThrow(() -> new IncidentNotFoundException(key));
    }

    /** The newest unresolved incident of the object {@code source} names; see {@link IncidentStore#findOpen(SourceIdentity)}. */
    static Optional<Incident> newestOpenFor(Connection connection, SourceIdentity source) throws SQLException {
        String object;
        java.util.List<String> values = new java.util.ArrayList<>();
        if (source.dagId() != null) {
            object = source.taskId() != null ? "dag_id = ? AND task_id = ?" : "dag_id = ?";
            values.add(source.dagId());
            if (source.taskId() != null) {
                values.add(source.taskId());
            }
        } else if (source.model() != null) {
            object = "model = ?";
            values.add(source.model());
        } else if (source.table() != null) {
            object = "table_name = ?";
            values.add(source.table());
        } else {
            return Optional.empty();
        }
        // an orchestrator's dag and task name one object whatever system failed inside them (a success
        // callback says "airflow" where the failure said "snowflake"); a model or table name is only
        // unique within its system
        boolean bySystem = source.dagId() == null && source.system() != null;
        String system = bySystem ? " AND (system IS NULL OR system = ?)" : "";
        if (bySystem) {
            values.add(source.system());
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE "
                + object + system + " AND status <> 'resolved' ORDER BY id DESC LIMIT 1")) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The newest incident whose Slack thread is {@code threadTs} in {@code channel}. */
    static Optional<Incident> byThread(Connection connection, String channel, String threadTs) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident "
                + "WHERE channel = ? AND thread_ts = ? ORDER BY id DESC LIMIT 1")) {
            select.setString(1, channel);
            select.setString(2, threadTs);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The newest unresolved incident with an alert whose parsed {@code field} is {@code value}. */
    static Optional<Incident> newestOpenWithAlertField(Connection connection, SqlDialect dialect, String field, String value)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident "
                + "WHERE status <> 'resolved' AND EXISTS (SELECT 1 FROM alert WHERE alert.incident_id = incident.id "
                + "AND " + dialect.jsonField("alert.fields") + " = ?) ORDER BY id DESC LIMIT 1")) {
            select.setString(1, field);
            select.setString(2, value);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }
}
