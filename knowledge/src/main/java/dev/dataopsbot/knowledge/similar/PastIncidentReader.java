package dev.dataopsbot.knowledge.similar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * Reads what the past-incident index needs from the SQLite store: the timeline's high-water
 * mark, the incidents changed since a watermark, and resolved incidents with their evidence,
 * resolution and notes. Each method runs inside a read transaction the caller opened.
 */
final class PastIncidentReader {

    /** Notes beyond this many characters add little to matching and a lot to the index. */
    static final int MAX_NOTES_CHARS = 20_000;

    private static final String INCIDENTS = """
            SELECT id, title, failure_mode, system, dag_id, task_id, model, table_name, detected_at, resolved_at
            FROM incident WHERE status = 'resolved' AND id IN (%s) ORDER BY id""";
    private static final String EVENTS = """
            SELECT incident_id, kind, text, detail FROM timeline_event
            WHERE incident_id IN (%s) AND kind IN ('classified', 'resolved', 'note', 'status_update', 'mitigated')
            ORDER BY incident_id, id""";

    private final ObjectMapper mapper = new ObjectMapper();

    /** The incidents with timeline events after {@code watermark}, and the last such event. */
    record Changes(List<Long> incidentIds, long lastEventId) {
    }

    /** The id of the newest timeline event, 0 for an empty timeline: one lookup at the end of the rowid b-tree. */
    long lastEventId(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT coalesce(max(id), 0) FROM timeline_event");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Changes changedSince(Connection c, long watermark) throws SQLException {
        // a range of the rowid, grouped here: GROUP BY in SQL makes SQLite scan the whole timeline index
        Set<Long> ids = new TreeSet<>();
        long last = watermark;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, incident_id FROM timeline_event WHERE id > ? ORDER BY id")) {
            select.setLong(1, watermark);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    ids.add(rs.getLong(2));
                }
            }
        }
        return new Changes(List.copyOf(ids), last);
    }

    /** Up to {@code limit} ids of resolved incidents after {@code afterId}, in id order. */
    List<Long> resolvedIds(Connection c, long afterId, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM incident WHERE status = 'resolved' AND id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Those of the incidents that are resolved, in id order; the others are left out. */
    List<PastIncident> resolved(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(INCIDENTS.formatted(in))) {
            bind(select, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong("id"), Row.from(rs));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = c.prepareStatement(EVENTS.formatted(
                rows.keySet().stream().map(id -> "?").collect(Collectors.joining(", "))))) {
            bind(select, List.copyOf(rows.keySet()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).add(rs.getString(2), rs.getString(3), rs.getString(4), mapper);
                }
            }
        }
        return rows.values().stream().map(Row::incident).toList();
    }

    private static void bind(PreparedStatement select, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            select.setLong(i + 1, ids.get(i));
        }
    }

    /** An incident row being filled with its events. */
    private static final class Row {
        private final IncidentKey key;
        private final String title;
        private final String failureMode;
        private final String system;
        private final List<String> objects;
        private final long minutes;
        private final Set<String> evidence = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private int notesChars;
        private String resolution = "";

        private Row(ResultSet rs) throws SQLException {
            key = new IncidentKey(rs.getLong("id"));
            title = rs.getString("title");
            failureMode = rs.getString("failure_mode");
            system = rs.getString("system");
            List<String> named = new ArrayList<>();
            for (String column : List.of("dag_id", "task_id", "model", "table_name")) {
                String value = rs.getString(column);
                if (value != null && !value.isBlank()) {
                    named.add(value);
                }
            }
            objects = named;
            minutes = Duration.between(UtcTimestamps.parse(rs.getString("detected_at")),
                    UtcTimestamps.parse(rs.getString("resolved_at"))).toMinutes();
        }

        static Row from(ResultSet rs) throws SQLException {
            return new Row(rs);
        }

        void add(String kind, String text, String detail, ObjectMapper mapper) {
            switch (kind) {
                case "classified" -> evidenceOf(detail, mapper);
                case "resolved" -> resolution = text;
                default -> {
                    if (!text.isBlank() && notesChars < MAX_NOTES_CHARS) {
                        notes.add(text);
                        notesChars += text.length();
                    }
                }
            }
        }

        private void evidenceOf(String detail, ObjectMapper mapper) {
            try {
                for (JsonNode line : mapper.readTree(detail).path("evidence")) {
                    String text = line.path("text").asText("");
                    if (!text.isBlank()) {
                        evidence.add(text);
                    }
                }
            } catch (JsonProcessingException e) {
                // a hand-edited detail: the title and notes still describe the incident
            }
        }

        PastIncident incident() {
            return new PastIncident(key, title, failureMode, system, objects, List.copyOf(evidence), resolution,
                    notes, minutes);
        }
    }
}
