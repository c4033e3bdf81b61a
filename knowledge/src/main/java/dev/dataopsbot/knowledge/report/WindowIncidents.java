package dev.dataopsbot.knowledge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.dataopsbot.knowledge.incident.SqlDialect;

/**
 * The incidents detected in a window, counted by failure mode and overall, with their times to
 * acknowledge and resolve. Only a person acknowledges: an incident the source closed (recovered or
 * resolved) before anyone acknowledged it has no time to acknowledge and is counted apart. One
 * grouped query through the detection index: the database computes each duration in whole
 * milliseconds ({@link SqlDialect#millisBetween}, the same on SQLite and PostgreSQL) and hands
 * back, per failure mode, the counts and the durations as one comma-separated list. Fetching 100,000 rows one JDBC call at a
 * time costs more than the query itself, and far more in a fresh JVM, as a CLI command runs.
 */
final class WindowIncidents {

    private static final String SELECT = """
            SELECT failure_mode, count(*), count(CASE WHEN status <> 'resolved' THEN 1 END),
                   count(CASE WHEN severity IN ('SEV1', 'SEV2') THEN 1 END),
                   count(CASE WHEN acknowledged_at IS NULL AND (mitigated_at IS NOT NULL OR resolved_at IS NOT NULL) THEN 1 END),
                   %s, %s
            FROM incident
            WHERE detected_at >= ? AND detected_at <= ?
            GROUP BY failure_mode
            """;

    private final List<FailureModeStats> byFailureMode = new ArrayList<>();
    private final DurationSample allToAcknowledge = new DurationSample();
    private final DurationSample allToResolve = new DurationSample();
    private int incidents;
    private int unresolved;
    private int severe;
    private int closedUnacknowledged;

    private WindowIncidents() {
    }

    static WindowIncidents read(Connection c, SqlDialect dialect, String since, String until) throws SQLException {
        WindowIncidents window = new WindowIncidents();
        String sql = SELECT.formatted(dialect.commaList(dialect.millisBetween("acknowledged_at", "detected_at")),
                dialect.commaList(dialect.millisBetween("resolved_at", "detected_at")));
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, since);
            select.setString(2, until);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    window.add(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                            rs.getString(6), rs.getString(7));
                }
            }
        }
        window.byFailureMode.sort(Comparator.comparingInt(FailureModeStats::incidents).reversed()
                .thenComparing(FailureModeStats::failureMode));
        return window;
    }

    /** One failure mode's counts: all, unresolved, SEV1/SEV2, and closed by the source with no person acknowledging. */
    private record Counts(int all, int unresolved, int severe, int closedUnacknowledged) {
    }

    private void add(String failureMode, Counts counts, String ackMillis, String resolveMillis) {
        DurationSample toAcknowledge = new DurationSample();
        toAcknowledge.addAll(ackMillis);
        DurationSample toResolve = new DurationSample();
        toResolve.addAll(resolveMillis);
        byFailureMode.add(new FailureModeStats(failureMode, counts.all(), counts.unresolved(),
                counts.closedUnacknowledged(), toAcknowledge.stats(), toResolve.stats()));
        allToAcknowledge.addAll(toAcknowledge);
        allToResolve.addAll(toResolve);
        incidents += counts.all();
        unresolved += counts.unresolved();
        severe += counts.severe();
        closedUnacknowledged += counts.closedUnacknowledged();
    }

    /** Most incidents first, then by name. */
    List<FailureModeStats> byFailureMode() {
        return List.copyOf(byFailureMode);
    }

    /** The totals, given the alerts received in the window (counted elsewhere). */
    ReportTotals totals(int alerts) {
        return new ReportTotals(incidents, unresolved, closedUnacknowledged, alerts, allToAcknowledge.stats(),
                allToResolve.stats());
    }

    /** How many were SEV1 or SEV2. */
    int severe() {
        return severe;
    }
}
