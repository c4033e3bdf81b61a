package dev.dataopsbot.knowledge.report;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * The report counts alerts from each incident's alert_count and reads alert rows only for
 * incidents older than the window; these tests hold it to a plain count of the alert rows.
 */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class NoisyFingerprintsTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T00:00:00Z"));
    private IncidentDatabase db;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void alert_counts_by_fingerprint_match_a_count_of_the_alert_rows_in_every_window() {
        IncidentStore store = new IncidentStore(db, clock);
        IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, t -> t);
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 600; step++) {
            clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
            IncidentKey key = store.record(Alerts.expiredToken("orders", "task_" + random.nextInt(14))).key();
            if (random.nextInt(4) == 0) {
                Incident incident = store.require(key);
                if (!incident.isResolved()) {
                    lifecycle.resolve(key, "fixed", "ana");
                }
            }
        }

        for (String since : List.of("1h", "6h", "1d", "3d", "7d", "30d")) {
            ReliabilityReport report = new ReportBuilder(db).build(ReportWindow.parse(since, clock));
            List<NoisyFingerprint> expected = countAlertRows(report.window());
            assertTrue(expected.size() > 0 || since.equals("1h"), since);
            assertEquals(expected.stream().limit(ReportBuilder.NOISIEST_LIMIT).toList(),
                    report.noisiestFingerprints(), since);
            assertEquals(expected.stream().mapToInt(NoisyFingerprint::alerts).sum(), report.totals().alerts(), since);
        }
    }

    /** The definition, by brute force: alerts received in the window, grouped by their incident's fingerprint. */
    private List<NoisyFingerprint> countAlertRows(ReportWindow window) {
        List<NoisyFingerprint> fingerprints = db.read("cannot count alerts in", c -> {
            List<NoisyFingerprint> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT i.fingerprint, count(DISTINCT a.incident_id), count(*), max(a.received_at)
                    FROM alert a JOIN incident i ON i.id = a.incident_id
                    WHERE a.received_at >= ? AND a.received_at <= ?
                    GROUP BY i.fingerprint
                    """)) {
                select.setString(1, UtcTimestamps.format(window.since()));
                select.setString(2, UtcTimestamps.format(window.until()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new NoisyFingerprint(rs.getString(1), rs.getInt(2), rs.getInt(3),
                                UtcTimestamps.parse(rs.getString(4))));
                    }
                }
            }
            return rows;
        });
        fingerprints.sort(Comparator.comparingInt(NoisyFingerprint::alerts).reversed()
                .thenComparing(Comparator.comparingInt(NoisyFingerprint::incidents).reversed())
                .thenComparing(NoisyFingerprint::fingerprint));
        return fingerprints;
    }
}
