package dev.dataopsbot.knowledge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * Builds a {@link ReliabilityReport} from the incident store in one read transaction, with a
 * fixed number of queries whatever the number of incidents: one pass over the incidents
 * detected in the window (durations computed by SQLite with {@code julianday}), one grouped
 * pass over the alerts received in it, and two bounded lists. Incidents "in the window" are
 * those detected in it; alerts are counted by when they were received.
 */
public final class ReportBuilder {

    /** How many fingerprints the report lists. */
    public static final int NOISIEST_LIMIT = 10;
    /** How many open and SEV1/SEV2 incidents the report lists unless told otherwise; totals count all. */
    public static final int DEFAULT_LIST_LIMIT = 50;

    private static final String MILLIS_SINCE_DETECTION =
            "CAST(round((julianday(%s) - julianday(detected_at)) * 86400000) AS INTEGER)";

    private static final String WINDOW_INCIDENTS = """
            SELECT failure_mode, severity, status, %s AS tta_ms, %s AS ttr_ms
            FROM incident
            WHERE detected_at >= ? AND detected_at <= ?
            """.formatted(MILLIS_SINCE_DETECTION.formatted("acknowledged_at"),
            MILLIS_SINCE_DETECTION.formatted("resolved_at"));

    private static final String ALERTS_BY_FINGERPRINT = """
            SELECT i.fingerprint, count(DISTINCT a.incident_id), count(*), max(a.received_at)
            FROM alert a JOIN incident i ON i.id = a.incident_id
            WHERE a.received_at >= ? AND a.received_at <= ?
            GROUP BY i.fingerprint
            """;

    private static final String OPEN_COUNT = "SELECT count(*) FROM incident WHERE status <> 'resolved'";

    private static final String OPEN_OLDEST = """
            SELECT id, title, failure_mode, severity, status, detected_at
            FROM incident
            WHERE status <> 'resolved'
            ORDER BY detected_at, id
            LIMIT ?
            """;

    private static final String SEVERE = """
            SELECT id, severity, title, status, detected_at, %s AS ttr_ms
            FROM incident
            WHERE detected_at >= ? AND detected_at <= ? AND severity IN ('SEV1', 'SEV2')
            ORDER BY severity, detected_at DESC, id
            LIMIT ?
            """.formatted(MILLIS_SINCE_DETECTION.formatted("resolved_at"));

    private final IncidentDatabase database;
    private final int listLimit;

    public ReportBuilder(IncidentDatabase database) {
        this(database, DEFAULT_LIST_LIMIT);
    }

    /** @param listLimit how many open and SEV1/SEV2 incidents to list (the totals count all) */
    public ReportBuilder(IncidentDatabase database, int listLimit) {
        if (listLimit < 0) {
            throw new IllegalArgumentException("the list limit cannot be negative: " + listLimit);
        }
        this.database = database;
        this.listLimit = listLimit;
    }

    public ReliabilityReport build(ReportWindow window) {
        String since = UtcTimestamps.format(window.since());
        String until = UtcTimestamps.format(window.until());
        return database.read("cannot build the report from", c -> {
            WindowIncidents incidents = windowIncidents(c, since, until);
            List<NoisyFingerprint> fingerprints = alertsByFingerprint(c, since, until);
            int alerts = fingerprints.stream().mapToInt(NoisyFingerprint::alerts).sum();
            ReportTotals totals = new ReportTotals(incidents.total.incidents, incidents.total.unresolved, alerts,
                    incidents.total.timeToAcknowledge(), incidents.total.timeToResolve());
            List<NoisyFingerprint> noisiest = fingerprints.stream()
                    .sorted(Comparator.comparingInt(NoisyFingerprint::alerts).reversed()
                            .thenComparing(Comparator.comparingInt(NoisyFingerprint::incidents).reversed())
                            .thenComparing(NoisyFingerprint::fingerprint))
                    .limit(NOISIEST_LIMIT).toList();
            return new ReliabilityReport(window, totals, incidents.byMode(), noisiest, count(c, OPEN_COUNT),
                    openOldest(c, window.until()), incidents.severe, severe(c, since, until));
        });
    }

    private static WindowIncidents windowIncidents(Connection c, String since, String until) throws SQLException {
        WindowIncidents result = new WindowIncidents();
        try (PreparedStatement select = c.prepareStatement(WINDOW_INCIDENTS)) {
            select.setString(1, since);
            select.setString(2, until);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String severity = rs.getString(2);
                    boolean unresolved = !"resolved".equals(rs.getString(3));
                    long tta = rs.getLong(4);
                    boolean acknowledged = !rs.wasNull();
                    long ttr = rs.getLong(5);
                    boolean resolved = !rs.wasNull();
                    Tally mode = result.modes.computeIfAbsent(rs.getString(1), m -> new Tally());
                    mode.add(unresolved, acknowledged, tta, resolved, ttr);
                    result.total.add(unresolved, acknowledged, tta, resolved, ttr);
                    if (severity.equals("SEV1") || severity.equals("SEV2")) {
                        result.severe++;
                    }
                }
            }
        }
        return result;
    }

    private static List<NoisyFingerprint> alertsByFingerprint(Connection c, String since, String until)
            throws SQLException {
        List<NoisyFingerprint> fingerprints = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(ALERTS_BY_FINGERPRINT)) {
            select.setString(1, since);
            select.setString(2, until);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    fingerprints.add(new NoisyFingerprint(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            UtcTimestamps.parse(rs.getString(4))));
                }
            }
        }
        return fingerprints;
    }

    private List<OpenIncident> openOldest(Connection c, Instant now) throws SQLException {
        List<OpenIncident> open = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(OPEN_OLDEST)) {
            select.setInt(1, listLimit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant detected = UtcTimestamps.parse(rs.getString(6));
                    Duration age = detected.isAfter(now) ? Duration.ZERO : Duration.between(detected, now);
                    open.add(new OpenIncident(new IncidentKey(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), status(rs.getString(5)), detected, age));
                }
            }
        }
        return open;
    }

    private List<SevereIncident> severe(Connection c, String since, String until) throws SQLException {
        List<SevereIncident> severe = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SEVERE)) {
            select.setString(1, since);
            select.setString(2, until);
            select.setInt(3, listLimit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long ttr = rs.getLong(6);
                    Duration timeToResolve = rs.wasNull() ? null : Duration.ofMillis(Math.max(0, ttr));
                    severe.add(new SevereIncident(new IncidentKey(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            status(rs.getString(4)), UtcTimestamps.parse(rs.getString(5)), timeToResolve));
                }
            }
        }
        return severe;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static IncidentStatus status(String id) {
        return IncidentStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The incidents detected in the window, by failure mode and overall. */
    private static final class WindowIncidents {
        final Map<String, Tally> modes = new HashMap<>();
        final Tally total = new Tally();
        int severe;

        List<FailureModeStats> byMode() {
            return modes.entrySet().stream()
                    .map(e -> new FailureModeStats(e.getKey(), e.getValue().incidents, e.getValue().unresolved,
                            e.getValue().timeToAcknowledge(), e.getValue().timeToResolve()))
                    .sorted(Comparator.comparingInt(FailureModeStats::incidents).reversed()
                            .thenComparing(FailureModeStats::failureMode))
                    .toList();
        }
    }

    /** Counts and durations of a group of incidents. */
    private static final class Tally {
        int incidents;
        int unresolved;
        final DurationSample toAcknowledge = new DurationSample();
        final DurationSample toResolve = new DurationSample();

        void add(boolean isUnresolved, boolean acknowledged, long ttaMillis, boolean resolved, long ttrMillis) {
            incidents++;
            if (isUnresolved) {
                unresolved++;
            }
            if (acknowledged) {
                toAcknowledge.add(ttaMillis);
            }
            if (resolved) {
                toResolve.add(ttrMillis);
            }
        }

        DurationStats timeToAcknowledge() {
            return toAcknowledge.stats();
        }

        DurationStats timeToResolve() {
            return toResolve.stats();
        }
    }
}
