package dev.dataopsbot.knowledge.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dataopsbot.knowledge.incident.UtcTimestamps;
import dev.dataopsbot.knowledge.similar.SimilarIncidentQuery;

/**
 * Resolved incidents for benchmarks, written straight into the real schema with JDBC batches in
 * one transaction, in SQL both engines take ({@link BenchStore#loader()}): an incident row, its
 * alert_received, classified and resolved events, and a note on every fourth. Texts come from per-mode templates filled with many systems, DAGs, tables,
 * hosts and numbers, so terms repeat the way real alert text does.
 */
final class PastIncidentFixture {

    private static final Map<String, List<String>> EVIDENCE = Map.ofEntries(
            Map.entry("credential_expiry", List.of(
                    "390114 (08001): Authentication token has expired. The user must authenticate again.",
                    "ExpiredToken: The security token included in the request is expired (role {obj})",
                    "x509: certificate has expired or is not yet valid: current time {n} is after the notAfter of {host}",
                    "google.auth.exceptions.RefreshError: invalid_grant: Token has been expired or revoked.")),
            Map.entry("permission_denied", List.of(
                    "SQL access control error: Insufficient privileges to operate on table '{table}'",
                    "AccessDenied: User arn:aws:iam::{n}:role/{obj} is not authorized to perform s3:GetObject",
                    "403 Access Denied: Table {table}: User does not have bigquery.tables.getData permission",
                    "forbidden: User \"system:serviceaccount:{obj}\" cannot create resource \"pods\" in namespace \"etl\"")),
            Map.entry("schema_drift", List.of(
                    "Column '{col}' not found in table {table}; did the upstream rename it?",
                    "invalid identifier '{col}' in model {obj}",
                    "Unexpected column {col} of type VARCHAR in source {table}, expected NUMBER",
                    "Field {col} has changed type from INTEGER to STRING in {table}")),
            Map.entry("data_quality", List.of(
                    "Failure in test not_null_{table}_{col} ({n} failing rows)",
                    "Failure in test unique_{table}_{col}: got {n} duplicate results",
                    "Expectation expect_column_values_to_be_between failed for {col} on {table}: {n} unexpected values",
                    "accepted_values test failed on {table}.{col}: {n} rows with unknown status")),
            Map.entry("upstream_lag", List.of(
                    "Sensor {obj} timed out waiting for partition {table}/dt={date}",
                    "ExternalTaskSensor poking for {obj} ({n} pokes), upstream DAG has not finished",
                    "source freshness: {table} is {n} hours stale (warn after 6 hours)",
                    "Partition dt={date} of {table} still missing after {n} minutes")),
            Map.entry("timeout", List.of(
                    "Request {n} to broker {host} timed out after 30000 ms",
                    "Query {n} cancelled: statement reached its statement timeout of 3600 seconds on {table}",
                    "ReadTimeout: HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout={n})",
                    "Task {obj} exceeded its execution_timeout of 2:00:00 and was killed")),
            Map.entry("resource_exhaustion", List.of(
                    "java.lang.OutOfMemoryError: Java heap space in executor {n} on {host}",
                    "Container killed by YARN for exceeding memory limits. {n} GB of 8 GB physical memory used",
                    "No space left on device while writing /data/tmp/{table}.parquet",
                    "Pod {obj} was OOMKilled (exit code 137) on node {host}")),
            Map.entry("dependency_unavailable", List.of(
                    "psycopg2.OperationalError: could not connect to server: Connection refused on {host}:5432",
                    "503 Service Unavailable from https://{host}/api/v2/{col}",
                    "Broker {host}:9092 is not available; NoBrokersAvailable",
                    "Could not resolve host: {host}; Name or service not known")),
            Map.entry("rate_limit", List.of(
                    "429 Too Many Requests from {host}: rate limit exceeded, retry after {n} seconds",
                    "ThrottlingException: Rate exceeded for operation PutRecords on stream {obj}",
                    "Quota exceeded: Your project exceeded quota for concurrent queries on {table}",
                    "Resource monitor {obj} has reached its credit quota; warehouse suspended")),
            Map.entry("lock_contention", List.of(
                    "deadlock detected: process {n} waits for ShareLock on transaction on {table}",
                    "Statement {n} waited too long for a lock on table {table} and was aborted",
                    "could not obtain lock on relation {table}: lock timeout after {n} ms",
                    "Transaction aborted because of concurrent update on {table} (serialization failure)")),
            Map.entry("config_error", List.of(
                    "KeyError: Variable {col} does not exist in Airflow Variables",
                    "Runtime Error: Could not find profile named '{obj}' in profiles.yml",
                    "Invalid value for env var {col}: expected integer, got '{obj}'",
                    "Connection id '{obj}' is not defined in the connections backend")),
            Map.entry("code_defect", List.of(
                    "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int' in {obj}.py line {n}",
                    "Database Error in model {obj}: SQL compilation error: syntax error line {n} at position 12 unexpected 'from'",
                    "ZeroDivisionError: division by zero in transform_{table}",
                    "AttributeError: 'DataFrame' object has no attribute '{col}' in task {obj}")),
            Map.entry("orchestrator_failure", List.of(
                    "Scheduler heartbeat lost for {n} seconds; tasks are stuck in queued state",
                    "Task {obj} was marked as zombie and killed by the scheduler",
                    "Executor reports task instance {obj} finished (failed) although the task says it's queued",
                    "Pod {obj} is in CrashLoopBackOff; back-off restarting failed container")),
            Map.entry("pii_exposure", List.of(
                    "DLP finding: {n} email addresses detected in column {col} of {table}",
                    "Secret scanner found an AWS access key in the logs of task {obj}",
                    "Unmasked credit card numbers found in export {table}.csv",
                    "Social security numbers present in {table}.{col} shared with analytics role")),
            Map.entry("unknown", List.of(
                    "Task {obj} exited with return code Negsignal.SIGKILL",
                    "Process finished with unexpected exit code {n} on {host}",
                    "Something went wrong while running {obj}; see the logs",
                    "Job {obj} failed without an error message")));

    private static final Map<String, List<String>> RESOLUTIONS = Map.ofEntries(
            Map.entry("credential_expiry", List.of("Rotated the key pair of the service user and re-ran {obj}",
                    "Renewed the certificate on {host} and restarted the workers", "Refreshed the service account key in the secret store")),
            Map.entry("permission_denied", List.of("Granted SELECT on {table} to the loader role again",
                    "Restored the IAM policy for {obj} that a Terraform run had removed")),
            Map.entry("schema_drift", List.of("Mapped the renamed column {col} in the staging model and backfilled {date}",
                    "Pinned the source schema and asked the producer team to announce changes")),
            Map.entry("data_quality", List.of("Deduplicated {table} and re-ran the tests", "Quarantined {n} bad rows and notified the owners of {table}")),
            Map.entry("upstream_lag", List.of("Waited for the upstream load; the sensor passed at {date}", "Re-triggered the upstream DAG {obj}")),
            Map.entry("timeout", List.of("Raised the timeout and re-ran {obj}", "Restarted broker {host} and the consumer group caught up")),
            Map.entry("resource_exhaustion", List.of("Increased executor memory to 16 GB for {obj}", "Cleaned up /data/tmp on {host} and added a cleanup task")),
            Map.entry("dependency_unavailable", List.of("The database {host} came back after a failover; re-ran {obj}", "Vendor outage ended; cleared the failed tasks")),
            Map.entry("rate_limit", List.of("Lowered the concurrency of {obj} to 4", "Raised the credit quota of the resource monitor for the night")),
            Map.entry("lock_contention", List.of("Killed the long-running session holding the lock on {table}", "Moved the vacuum job away from the load window")),
            Map.entry("config_error", List.of("Added the missing variable {col} and redeployed", "Fixed profiles.yml in the deployment image")),
            Map.entry("code_defect", List.of("Fixed the None check in {obj} and deployed the hotfix", "Reverted the faulty SQL change in model {obj}")),
            Map.entry("orchestrator_failure", List.of("Restarted the scheduler and cleared the zombie tasks", "Increased the scheduler's resources and restarted it")),
            Map.entry("pii_exposure", List.of("Dropped the export {table}, rotated the key and informed the DPO", "Masked column {col} and purged the logs")),
            Map.entry("unknown", List.of("Re-ran {obj}; it passed", "Could not reproduce; added logging to {obj}")));

    static final List<String> MODES = EVIDENCE.keySet().stream().sorted().toList();
    private static final List<String> SYSTEMS = List.of("snowflake", "bigquery", "redshift", "postgres", "mysql", "kafka",
            "airflow", "dbt", "kubernetes", "s3", "gcs", "spark", "databricks", "fivetran", "looker", "salesforce",
            "stripe", "great_expectations", "soda", "trino");
    private static final List<String> DOMAINS = List.of("orders", "billing", "customers", "payments", "inventory",
            "shipments", "marketing", "finance", "events", "sessions", "products", "returns", "ledger", "accounts",
            "subscriptions", "invoices", "clicks", "campaigns", "users", "refunds", "suppliers", "warehouse", "tickets",
            "reviews", "leads");
    private static final List<String> CADENCES = List.of("daily", "hourly", "weekly", "nightly", "backfill", "sync",
            "snapshot", "incremental", "full", "cdc", "export", "import");
    private static final List<String> STEPS = List.of("load", "transform", "export", "extract", "validate", "merge",
            "publish", "aggregate");
    private static final List<String> COLUMNS = List.of("customer_id", "order_total", "created_at", "status", "email",
            "amount_usd", "region", "sku", "currency", "updated_at", "country_code", "discount", "vat_rate", "plan");

    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();

    PastIncidentFixture(long seed) {
        this.random = new Random(seed);
    }

    /** What a generated alert looks like. */
    record Alert(String mode, String system, String dag, String task, String table, String title, String evidence) {
    }

    Alert alert() {
        String mode = pick(MODES);
        String system = pick(SYSTEMS);
        String domain = pick(DOMAINS);
        String dag = domain + "_" + pick(CADENCES);
        String table = domain + "_" + pick(List.of("raw", "stg", "fct", "dim", "agg"));
        String task = pick(STEPS) + "_" + table;
        String evidence = fill(pick(EVIDENCE.get(mode)), dag, table);
        return new Alert(mode, system, dag, task, table, mode + " in " + system + ": " + dag + "." + task, evidence);
    }

    SimilarIncidentQuery query() {
        Alert alert = alert();
        return new SimilarIncidentQuery(alert.mode(), alert.system(), alert.evidence() + "\n" + alert.title(), null);
    }

    /**
     * Writes {@code count} resolved incidents into the empty store of {@code bench}, which get the
     * ids 1 to {@code count}; returns the elapsed time.
     */
    Duration write(BenchStore bench, int count) throws SQLException {
        bench.open().close(); // creates and migrates the schema
        Instant started = Instant.now();
        try (Connection c = bench.loader()) {
            c.setAutoCommit(false);
            // no id: the store's own sequence numbers them 1, 2, ... (checked below), so later incidents follow on
            try (PreparedStatement incident = c.prepareStatement("INSERT INTO incident (title, failure_mode, "
                    + "severity, status, fingerprint, system, dag_id, task_id, table_name, detected_at, acknowledged_at, "
                    + "mitigated_at, resolved_at) VALUES (?, ?, 'SEV3', 'resolved', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO timeline_event (incident_id, at, kind, "
                         + "actor, text, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                Instant detected = Instant.parse("2024-01-01T00:00:00Z");
                for (int id = 1; id <= count; id++) {
                    Alert alert = alert();
                    detected = detected.plusSeconds(600 + random.nextInt(600));
                    Instant resolved = detected.plus(Duration.ofMinutes(5 + random.nextInt(600)));
                    String at = UtcTimestamps.format(detected);
                    String end = UtcTimestamps.format(resolved);
                    incident.setString(1, alert.title());
                    incident.setString(2, alert.mode());
                    incident.setString(3, alert.mode() + " system=" + alert.system() + " dag=" + alert.dag() + " task=" + alert.task());
                    incident.setString(4, alert.system());
                    incident.setString(5, alert.dag());
                    incident.setString(6, alert.task());
                    incident.setString(7, alert.table());
                    incident.setString(8, at);
                    incident.setString(9, end);
                    incident.setString(10, end);
                    incident.setString(11, end);
                    incident.addBatch();
                    addEvent(event, id, at, "alert_received", "alert received from alertmanager", "{}");
                    addEvent(event, id, at, "classified", "classified as " + alert.mode(), classified(alert).toString());
                    if (id % 4 == 0) {
                        addEvent(event, id, at, "note", fill("Looked at the logs of {obj} on {host}; same as last week", alert.dag(), alert.table()), "{}");
                    }
                    addEvent(event, id, end, "resolved", fill(pick(RESOLUTIONS.get(alert.mode())), alert.dag(), alert.table()), "{}");
                    if (id % 1_000 == 0) {
                        incident.executeBatch();
                        event.executeBatch();
                    }
                }
                incident.executeBatch();
                event.executeBatch();
            }
            c.commit();
        }
        bench.requireIncidentIds(count);
        bench.settle();
        return Duration.between(started, Instant.now());
    }

    private ObjectNode classified(Alert alert) {
        ObjectNode detail = mapper.createObjectNode().put("failure_mode", alert.mode()).put("confidence", 0.9)
                .put("severity", "SEV3").put("safe_to_retry", "after_fix").put("escalate_to", "platform team");
        detail.putArray("secondary");
        detail.putArray("evidence").addObject().put("line", 1).put("text", alert.evidence())
                .put("rule", alert.mode() + ": rule").put("failure_mode", alert.mode());
        return detail;
    }

    private static void addEvent(PreparedStatement event, long id, String at, String kind, String text, String detail)
            throws SQLException {
        event.setLong(1, id);
        event.setString(2, at);
        event.setString(3, kind);
        event.setString(4, "U" + (id % 40));
        event.setString(5, text);
        event.setString(6, detail);
        event.addBatch();
    }

    private String fill(String template, String obj, String table) {
        return template.replace("{obj}", obj).replace("{table}", table).replace("{col}", pick(COLUMNS))
                .replace("{host}", pick(List.of("db", "kafka", "api", "etl", "worker", "broker")) + "-" + random.nextInt(40) + ".internal")
                .replace("{n}", Integer.toString(random.nextInt(100_000)))
                .replace("{date}", "2026-" + (10 + random.nextInt(3)) + "-" + (10 + random.nextInt(18)));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
