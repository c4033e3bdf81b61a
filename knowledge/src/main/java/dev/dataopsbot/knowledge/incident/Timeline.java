package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Appends to and reads the {@code timeline_event} table. Events are never changed once written. */
final class Timeline {

    private final ObjectMapper mapper;

    Timeline(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode detail() {
        return mapper.createObjectNode();
    }

    long append(Connection connection, IncidentKey incident, Instant at, EventKind kind, String actor, String text,
                ObjectNode detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO timeline_event (incident_id, at, kind, actor, text, detail) VALUES (?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, incident.number());
            insert.setString(2, UtcTimestamps.format(at));
            insert.setString(3, kind.id());
            insert.setString(4, actor);
            insert.setString(5, text);
            insert.setString(6, detail.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every event of the incident in the order it was appended. */
    List<TimelineEvent> of(Connection connection, IncidentKey incident) throws SQLException {
        List<TimelineEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, at, kind, actor, text, detail FROM timeline_event WHERE incident_id = ? ORDER BY id")) {
            select.setLong(1, incident.number());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new TimelineEvent(rs.getLong(1), incident, UtcTimestamps.parse(rs.getString(2)),
                            EventKind.fromId(rs.getString(3)), rs.getString(4), rs.getString(5), json(rs.getString(6))));
                }
            }
        }
        return events;
    }

    JsonNode json(String detail) {
        try {
            return mapper.readTree(detail);
        } catch (JsonProcessingException e) {
            // only a hand-edited row can get here; show it as text rather than fail the whole timeline
            return mapper.createObjectNode().put("unreadable_detail", detail);
        }
    }
}
