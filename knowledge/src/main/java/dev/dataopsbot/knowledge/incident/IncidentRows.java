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
            + "acknowledged_at, mitigated_at, resolved_at";

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
                UtcTimestamps.parseNullable(rs.getString("resolved_at")));
    }

    static Optional<Incident> find(Connection connection, IncidentKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?")) {
            select.setLong(1, key.number());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static Incident require(Connection connection, IncidentKey key) throws SQLException {
        return find(connection, key).orElseThrow(() -> new IncidentNotFoundException(key));
    }
}
