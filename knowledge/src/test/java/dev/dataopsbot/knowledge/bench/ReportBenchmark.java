package dev.dataopsbot.knowledge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;
import dev.dataopsbot.knowledge.report.ReliabilityReport;
import dev.dataopsbot.knowledge.report.ReportBuilder;
import dev.dataopsbot.knowledge.report.ReportJson;
import dev.dataopsbot.knowledge.report.ReportText;
import dev.dataopsbot.knowledge.report.ReportWindow;

/**
 * Times the reliability report over 100,000 incidents spread over 30 days (target: at most 1 s).
 * The fixture is written with plain JDBC batch inserts into the real schema in one transaction:
 * incidents with a skewed spread of failure modes, severities and fingerprints, one to a dozen
 * alerts each, three timeline events each, about 10% still open; every classified one decided by
 * one of about 200 rules, catalogue entries and cases (skewed too), and about 8% of them
 * confirmed or corrected by feedback, so that the Rules section has its real work to do. The
 * store is SQLite by default, or PostgreSQL with {@code -Dbench.engine=postgresql} ({@link BenchStore});
 * the fixture is the same SQL on both.
 *
 * <p>Run: {@code mvn -B -q -o -pl knowledge test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dataopsbot.knowledge.bench.ReportBenchmark}
 */
public final class ReportBenchmark {

    private static final int INCIDENTS = 100_000;
    private static final int FINGERPRINTS = 12_000;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final long TARGET_MS = 1_000;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String[] MODES = {"credential_expiry", "timeout", "schema_drift", "upstream_missing",
        "out_of_memory", "permission_denied", "disk_full", "data_quality", "rate_limited", "network",
        "dependency_failed", "duplicate_key", "deadlock", "config_error", "unknown"};
    private static final int RULES_PER_MODE = 8;
    private static final String RULE_PACK = "3f2a9c1b0d4e";
    private static final String[] SYSTEMS = {"snowflake", "airflow", "dbt", "kafka", "spark", "bigquery", "postgres"};

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchStore bench = BenchStore.create("report-bench")) {
            long started = System.nanoTime();
            try (IncidentDatabase schema = bench.open()) {
                System.out.println(bench.describe());
                System.out.println("schema version " + schema.schemaVersion() + " in " + schema.location());
            }
            int alerts = fill(bench);
            System.out.printf(Locale.ROOT, "fixture: %,d incidents, %,d alerts, %,d MB, written in %,d ms%n", INCIDENTS,
                    alerts, bench.sizeBytes() >> 20, millisSince(started));
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            try (IncidentDatabase db = bench.open()) {
                ReportBuilder builder = new ReportBuilder(db);
                for (String since : List.of("30d", "7d")) {
                    measure(builder, ReportWindow.parse(since, clock));
                }
            }
        }
    }

    private static void measure(ReportBuilder builder, ReportWindow window) {
        ReportText text = new ReportText();
        ReportJson json = new ReportJson(new ObjectMapper());
        long renderedChars = 0;
        long firstMillis = 0;
        for (int i = 0; i < WARM_UP; i++) {
            long start = System.nanoTime();
            ReliabilityReport report = builder.build(window);
            renderedChars += text.render(report).length() + json.render(report).toString().length();
            firstMillis = i == 0 ? millisSince(start) : firstMillis;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] buildMillis = new long[RUNS];
        long[] cpuMillis = new long[RUNS];
        long[] renderMillis = new long[RUNS];
        ReliabilityReport report = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            report = builder.build(window);
            buildMillis[i] = millisSince(start);
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            start = System.nanoTime();
            renderedChars += text.render(report).length() + json.render(report).toString().length();
            renderMillis[i] = millisSince(start);
        }
        Arrays.sort(buildMillis);
        Arrays.sort(renderMillis);
        Arrays.sort(cpuMillis);
        System.out.printf(Locale.ROOT, "report --since %s over %,d incidents in the window (%,d alerts, %,d SEV1/SEV2, "
                        + "%,d rules; %,d open in all): median %d ms, max %d ms (target <= %d ms; thread CPU median %d ms; "
                        + "first run %d ms, text+JSON rendering median %d ms)%n",
                window.spec(), report.totals().incidents(), report.totals().alerts(), report.severeTotal(),
                report.rules().size(),
                report.openTotal(), buildMillis[RUNS / 2], buildMillis[RUNS - 1], TARGET_MS, cpuMillis[RUNS / 2],
                firstMillis, renderMillis[RUNS / 2]);
        if (renderedChars == 0) {
            throw new IllegalStateException("nothing was rendered");
        }
    }

    /**
     * Writes the fixture into the empty store of {@code bench} in one transaction (incidents without
     * ids: the store numbers them 1, 2, ..., checked after); returns the number of alerts.
     */
    private static int fill(BenchStore bench) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        String[] fingerprints = new String[FINGERPRINTS];
        String[] fingerprintModes = new String[FINGERPRINTS];
        for (int f = 0; f < FINGERPRINTS; f++) {
            fingerprintModes[f] = MODES[skewed(random, MODES.length)];
            String system = SYSTEMS[random.nextInt(SYSTEMS.length)];
            fingerprints[f] = fingerprintModes[f] + " system=" + system + " dag=dag_" + (f % 700) + " task=task_" + f;
        }
        long span = Duration.ofDays(30).toMillis();
        long[] detected = new long[INCIDENTS];
        for (int i = 0; i < INCIDENTS; i++) {
            detected[i] = NOW.toEpochMilli() - span + random.nextLong(span);
        }
        Arrays.sort(detected);
        int alerts = 0;
        try (Connection c = bench.loader()) {
            c.setAutoCommit(false);
            try (PreparedStatement incident = c.prepareStatement("INSERT INTO incident (title, failure_mode, "
                    + "severity, status, fingerprint, system, dag_id, task_id, channel, thread_ts, alert_count, "
                    + "detected_at, acknowledged_at, mitigated_at, resolved_at, decided_rule, rule_pack, confirmed, "
                    + "confirmed_mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'C0DATAOPS', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement alert = c.prepareStatement(
                         "INSERT INTO alert (incident_id, received_at, source, text, fields) VALUES (?, ?, 'alertmanager', ?, ?)");
                 PreparedStatement event = c.prepareStatement(
                         "INSERT INTO timeline_event (incident_id, at, kind, actor, text, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < INCIDENTS; i++) {
                    long id = i + 1;
                    int f = skewed(random, FINGERPRINTS);
                    String mode = fingerprintModes[f];
                    String severity = severity(random);
                    long start = detected[i];
                    boolean open = random.nextInt(100) < 10;
                    boolean acknowledged = !open || random.nextBoolean();
                    Long ack = acknowledged ? start + lognormal(random, 8 * 60_000, 1.2) : null;
                    Long resolved = open ? null : ack + lognormal(random, 2 * 3_600_000, 1.5);
                    if (resolved != null && resolved > NOW.toEpochMilli()) {
                        resolved = null;
                    }
                    if (ack != null && ack > NOW.toEpochMilli()) {
                        ack = null;
                    }
                    String status = resolved != null ? "resolved" : ack != null ? "acknowledged" : "open";
                    int alertCount = 1 + (int) Math.min(11, -Math.log(1 - random.nextDouble()) * (f < 50 ? 4 : 1.5));
                    String[] parts = fingerprints[f].split(" ");
                    incident.setString(1, mode + " in " + parts[1].substring(7) + ": " + parts[2].substring(4) + "."
                            + parts[3].substring(5));
                    incident.setString(2, mode);
                    incident.setString(3, severity);
                    incident.setString(4, status);
                    incident.setString(5, fingerprints[f]);
                    incident.setString(6, parts[1].substring(7));
                    incident.setString(7, parts[2].substring(4));
                    incident.setString(8, parts[3].substring(5));
                    incident.setString(9, (start / 1000) + ".000" + (i % 1000));
                    incident.setInt(10, alertCount);
                    incident.setString(11, time(start));
                    incident.setString(12, ack == null ? null : time(ack));
                    incident.setString(13, resolved == null ? null : time(resolved));
                    incident.setString(14, resolved == null ? null : time(resolved));
                    String decider = decider(mode, random);
                    String verdict = decider == null || random.nextInt(100) >= 8 ? null
                            : random.nextInt(100) < 80 ? "right" : "wrong";
                    incident.setString(15, decider);
                    incident.setString(16, decider == null ? null : RULE_PACK);
                    incident.setString(17, verdict);
                    incident.setString(18, verdict == null ? null : verdict.equals("right") ? mode : "config_error");
                    incident.addBatch();
                    long end = resolved != null ? resolved : NOW.toEpochMilli();
                    for (int a = 0; a < alertCount; a++) {
                        long at = a == 0 ? start : start + random.nextLong(Math.max(1, end - start));
                        alert.setLong(1, id);
                        alert.setString(2, time(at));
                        alert.setString(3, alertText(mode, parts, at, random));
                        alert.setString(4, "{\"dag_id\":\"" + parts[2].substring(4) + "\",\"system\":\""
                                + parts[1].substring(7) + "\",\"task_id\":\"" + parts[3].substring(5) + "\"}");
                        alert.addBatch();
                        alerts++;
                    }
                    addEvent(event, id, start, "alert_received", "{\"alert_id\":" + id + ",\"source\":\"alertmanager\","
                            + "\"fingerprint\":\"" + fingerprints[f] + "\"}", "alert received from alertmanager");
                    addEvent(event, id, start, "classified", classifiedDetail(mode, severity, decider),
                            "classified as " + mode + " (confidence 0.91, " + severity + ")");
                    if (ack != null) {
                        addEvent(event, id, ack, "acknowledged", "{}", "acknowledged");
                    }
                    if (i % 1000 == 999) {
                        incident.executeBatch();
                        alert.executeBatch();
                        event.executeBatch();
                    }
                }
                incident.executeBatch();
                alert.executeBatch();
                event.executeBatch();
            }
            c.commit();
        }
        bench.requireIncidentIds(INCIDENTS);
        bench.settle();
        return alerts;
    }

    private static void addEvent(PreparedStatement event, long id, long at, String kind, String detail, String text)
            throws SQLException {
        event.setLong(1, id);
        event.setString(2, time(at));
        event.setString(3, kind);
        event.setString(4, "bot");
        event.setString(5, text);
        event.setString(6, detail);
        event.addBatch();
    }

    private static String alertText(String mode, String[] parts, long at, SplittableRandom random) {
        return "[" + time(at) + "] ERROR - Task " + parts[2].substring(4) + "." + parts[3].substring(5)
                + " failed: " + mode.replace('_', ' ') + " while running step " + random.nextInt(40)
                + ". Traceback (most recent call last): File \"/opt/airflow/dags/" + parts[2].substring(4)
                + ".py\", line " + random.nextInt(900) + ", in execute; raise " + mode + "Error(\"request "
                + random.nextInt(1_000_000) + " failed after 30000 ms\") run_id=scheduled__" + time(at)
                + " host=worker-" + random.nextInt(12) + " try_number=" + (1 + random.nextInt(3));
    }

    private static String classifiedDetail(String mode, String severity, String decider) {
        return "{\"failure_mode\":\"" + mode + "\",\"confidence\":0.91,\"severity\":\"" + severity + "\","
                + "\"safe_to_retry\":\"after_fix\",\"escalate_to\":\"owning platform team\",\"secondary\":[],"
                + "\"evidence\":[{\"line\":1,\"text\":\"" + mode + " while running step\",\"rule\":\"" + mode
                + ": main pattern\",\"failure_mode\":\"" + mode + "\"}]"
                + (decider == null ? "" : ",\"decider\":\"" + decider + "\",\"rule_pack\":\"" + RULE_PACK + "\"") + "}";
    }

    /**
     * What decided an incident of {@code mode}: mostly one of its {@link #RULES_PER_MODE} rules
     * (a few far more often than the rest), else a catalogue entry or a case; none for unknown.
     */
    private static String decider(String mode, SplittableRandom random) {
        if (mode.equals("unknown")) {
            return null;
        }
        int p = random.nextInt(100);
        int k = skewed(random, RULES_PER_MODE);
        return p < 80 ? mode + ": rule " + k : p < 92 ? "catalogue http-status: " + (400 + k) : "case " + mode + "-" + k;
    }

    /** An index in [0, n) where small ones are much likelier (roughly Zipf-like). */
    private static int skewed(SplittableRandom random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble()) - 1));
    }

    private static String severity(SplittableRandom random) {
        int p = random.nextInt(100);
        return p < 2 ? "SEV1" : p < 12 ? "SEV2" : p < 60 ? "SEV3" : "SEV4";
    }

    private static long lognormal(SplittableRandom random, double median, double sigma) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return (long) (median * Math.exp(sigma * gaussian));
    }

    private static String time(long epochMillis) {
        return UtcTimestamps.format(Instant.ofEpochMilli(epochMillis));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
