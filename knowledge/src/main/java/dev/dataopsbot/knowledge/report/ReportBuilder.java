package dev.dataopsbot.knowledge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * Builds a {@link ReliabilityReport} from the incident store in one read transaction, with a
 * fixed number of queries whatever the number of incidents: one pass over the incidents
 * detected in the window ({@link WindowIncidents}), one over those a rule decided
 * ({@link WindowRules}), the alert counts by fingerprint
 * ({@link NoisyFingerprints}), the open count, and two lists cut at a limit. Incidents "in the
 * window" are those detected in it; alerts are counted by when they were received. The window
 * is taken to end now, as {@link ReportWindow#parse} makes it: nothing is recorded after it.
 *
 * <p>Orders: failure modes by incidents (most first), then name; rules worst first
 * ({@link RulePrecision#WORST_FIRST}); fingerprints by alerts, then
 * incidents (most first), then fingerprint; open incidents oldest first, then by key; SEV1/SEV2
 * incidents SEV1 first, newest first, then by key.
 */
public final class ReportBuilder {

    /** How many fingerprints the report lists. */
    public static final int NOISIEST_LIMIT = 10;
    /** How many open and SEV1/SEV2 incidents the report lists unless told otherwise; totals count all. */
    public static final int DEFAULT_LIST_LIMIT = 50;

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
            """;

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
            WindowIncidents incidents = WindowIncidents.read(c, database.dialect(), since, until);
            NoisyFingerprints fingerprints = NoisyFingerprints.read(c, database.dialect(), since, until);
            return new ReliabilityReport(window, incidents.totals(fingerprints.alerts()), incidents.byFailureMode(),
                    WindowRules.read(c, since, until), fingerprints.noisiest(c, NOISIEST_LIMIT, until), count(c, OPEN_COUNT),
                    openOldest(c, window.until()), incidents.severe(), severe(c, since, until));
        });
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
        try (PreparedStatement select = c.prepareStatement(SEVERE.formatted(database.dialect().millisBetween("resolved_at", "detected_at")))) {
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
}
