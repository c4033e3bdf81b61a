package dev.dataopsbot.knowledge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.SqlDialect;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * Counts the alerts received in a window by fingerprint without reading every alert row. Each
 * alert is recorded on an incident detected at or before it, and an incident takes no alert
 * after it is resolved (a later one reopens it or opens a new incident), so:
 * <ul>
 * <li>an incident detected in the window has all its alerts in it: its {@code alert_count}
 *     (given that the window ends now);</li>
 * <li>only incidents detected earlier and still unresolved at the window's start need their
 *     alert rows looked at, through the {@code alert_by_incident} index.</li>
 * </ul>
 * The store routes every alert to the newest incident with its fingerprint, so a fingerprint's
 * last alert is found among the alerts of that incident alone.
 */
final class NoisyFingerprints {

    private static final String DETECTED_IN_WINDOW = """
            SELECT fingerprint, count(*), sum(alert_count)
            FROM incident
            WHERE detected_at >= ? AND detected_at <= ?
            GROUP BY fingerprint
            """;

    /*
     * On SQLite, CROSS JOIN keeps incident as the outer loop (found by detection time) and the unary
     * + keeps the planner from walking incident_by_fingerprint over the whole table to save the sort
     * (SqlDialect.joinInOrder, unindexed); PostgreSQL's planner needs neither.
     */
    private static final String EARLIER_INCIDENTS = """
            SELECT i.fingerprint, count(DISTINCT i.id), count(*)
            FROM incident i %s alert a ON a.incident_id = i.id
            WHERE i.detected_at < ? AND (i.resolved_at IS NULL OR i.resolved_at >= ?)
              AND a.received_at >= ? AND a.received_at <= ?
            GROUP BY %s
            """;

    private static final String LAST_SEEN = """
            SELECT i.fingerprint, max(a.received_at)
            FROM incident i JOIN alert a ON a.incident_id = i.id
            WHERE i.id IN (SELECT max(id) FROM incident WHERE fingerprint IN (%s) GROUP BY fingerprint)
              AND a.received_at <= ?
            GROUP BY i.fingerprint
            """;

    private final Map<String, Count> counts = new HashMap<>();

    private NoisyFingerprints() {
    }

    static NoisyFingerprints read(Connection c, SqlDialect dialect, String since, String until) throws SQLException {
        NoisyFingerprints fingerprints = new NoisyFingerprints();
        fingerprints.add(c, DETECTED_IN_WINDOW, since, until);
        fingerprints.add(c, EARLIER_INCIDENTS.formatted(dialect.joinInOrder(), dialect.unindexed("i.fingerprint")),
                since, since, since, until);
        return fingerprints;
    }

    private void add(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Count count = counts.computeIfAbsent(rs.getString(1), f -> new Count());
                    count.incidents += rs.getInt(2);
                    count.alerts += rs.getInt(3);
                }
            }
        }
    }

    /** Alerts received in the window, over all fingerprints. */
    int alerts() {
        return counts.values().stream().mapToInt(count -> count.alerts).sum();
    }

    /** The {@code limit} fingerprints with the most alerts; ties by incidents, then fingerprint. */
    List<NoisyFingerprint> noisiest(Connection c, int limit, String until) throws SQLException {
        List<Map.Entry<String, Count>> top = counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Count> e) -> e.getValue().alerts).reversed()
                        .thenComparing(e -> e.getValue().incidents, Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).toList();
        Map<String, Instant> lastSeen = lastSeen(c, top.stream().map(Map.Entry::getKey).toList(), until);
        return top.stream().map(e -> new NoisyFingerprint(e.getKey(), e.getValue().incidents, e.getValue().alerts,
                lastSeen.get(e.getKey()))).toList();
    }

    private static Map<String, Instant> lastSeen(Connection c, List<String> fingerprints, String until)
            throws SQLException {
        if (fingerprints.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> lastSeen = new HashMap<>();
        String placeholders = String.join(", ", Collections.nCopies(fingerprints.size(), "?"));
        try (PreparedStatement select = c.prepareStatement(LAST_SEEN.formatted(placeholders))) {
            for (int i = 0; i < fingerprints.size(); i++) {
                select.setString(i + 1, fingerprints.get(i));
            }
            select.setString(fingerprints.size() + 1, until);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lastSeen.put(rs.getString(1), UtcTimestamps.parse(rs.getString(2)));
                }
            }
        }
        return lastSeen;
    }

    private static final class Count {
        int incidents;
        int alerts;
    }
}
