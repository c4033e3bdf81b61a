package dev.dataopsbot.bot.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Alertmanager webhook bodies (version 4) for a webhook benchmark. Notification {@code n} holds one
 * alert from a cycle of eight kinds a data platform's Alertmanager sends (Kubernetes jobs and pods,
 * scrape targets, Postgres, Kafka, disks, Airflow, Snowflake), on an instance and pod numbered by
 * {@code n} so each {@code n} is its own alert; {@link #resolved(int)} resolves exactly the alert
 * {@link #firing(int)} raised (same fingerprint, group key and start), as Alertmanager would.
 */
public final class AlertmanagerPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRST_START = Instant.parse("2024-05-01T00:00:00Z");
    private static final Duration TIME_TO_RESOLVE = Duration.ofMinutes(17);

    /** One kind of alert: its rule's labels and annotations, {@code %d} replaced by the alert's number. */
    private record Kind(String alertname, String job, String severity, String namespace, String summary,
                        String description, String failureMode) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("KubePodCrashLooping", "kube-state-metrics", "warning", "airflow",
                    "Pod is crash looping.",
                    "Pod airflow/airflow-worker-%d (container worker) is in CrashLoopBackOff: last state terminated "
                            + "with reason OOMKilled, exit code 137, 5 restarts in 10 minutes.",
                    "resource_exhaustion"),
            new Kind("KubeJobFailed", "kube-state-metrics", "warning", "data",
                    "Job failed to complete.",
                    "Job data/orders-nightly-%d failed: pod terminated with reason OOMKilled "
                            + "(memory limit 4Gi exceeded).",
                    "resource_exhaustion"),
            new Kind("TargetDown", "dbt-exporter", "critical", "monitoring",
                    "One or more targets are unreachable.",
                    "100%% of the dbt-exporter targets in monitoring are down: Get \"http://10.0.4.%d:9102/metrics\": "
                            + "dial tcp 10.0.4.%1$d:9102: connect: connection refused",
                    "dependency_unavailable"),
            new Kind("PostgresReplicationLag", "postgres-exporter", "critical", "db",
                    "Postgres replica is lagging.",
                    "Replication lag on pg-replica-%d is 312 seconds: the replica is behind the primary "
                            + "and reads of the orders tables are stale.",
                    "upstream_lag"),
            new Kind("KafkaConsumerLag", "kafka-exporter", "warning", "streaming",
                    "Kafka consumer group lag is growing.",
                    "Consumer group orders-sink-%d on topic orders is 1284512 messages behind; "
                            + "consumer lag has been growing for 15 minutes.",
                    "upstream_lag"),
            new Kind("NodeFilesystemSpaceFillingUp", "node-exporter", "critical", "kube-system",
                    "Filesystem is predicted to run out of space within the next 4 hours.",
                    "Filesystem on /dev/nvme1n1 at node-%d:9100 has only 2.1%% available space left and is filling "
                            + "up; Spark shuffle writes fail with No space left on device.",
                    "resource_exhaustion"),
            new Kind("AirflowDagFailed", "airflow-statsd", "critical", "airflow",
                    "Airflow DAG run failed.",
                    "DAG customers_daily run %d failed at task load_customers: snowflake.connector.errors."
                            + "ProgrammingError: 390114 (08001): Authentication token has expired. "
                            + "The user must authenticate again.",
                    "credential_expiry"),
            new Kind("SnowflakeWarehouseCreditQuota", "snowflake-exporter", "warning", "data",
                    "Snowflake warehouse is close to its credit quota.",
                    "Warehouse TRANSFORM_WH_%d has used 100%% of its monthly credit quota; the resource monitor "
                            + "suspended the warehouse and new queries are queued.",
                    "rate_limit"));

    private AlertmanagerPayloads() {
    }

    /** Notification {@code n}: one firing alert. */
    public static String firing(int n) {
        return notification(n, "firing");
    }

    /** The notification that resolves the alert of {@link #firing(int) firing(n)}. */
    public static String resolved(int n) {
        return notification(n, "resolved");
    }

    /** The failure mode the bundled rules should find in alert {@code n}. */
    public static String expectedFailureMode(int n) {
        return kind(n).failureMode();
    }

    private static Kind kind(int n) {
        return KINDS.get(Math.floorMod(n, KINDS.size()));
    }

    private static String notification(int n, String status) {
        Kind kind = kind(n);
        Map<String, String> labels = new TreeMap<>(Map.of(
                "alertname", kind.alertname(), "job", kind.job(), "severity", kind.severity(),
                "namespace", kind.namespace(), "instance", "10.0." + (n / 250 % 250) + "." + (n % 250) + ":9100",
                "pod", kind.job() + "-" + n, "cluster", "prod-eu", "team", "data-platform"));
        Map<String, String> annotations = new TreeMap<>(Map.of(
                "summary", kind.summary(),
                "description", kind.description().formatted(n),
                "runbook_url", "https://runbooks.example.internal/alerts/" + kind.alertname()));
        Instant startsAt = FIRST_START.plus(Duration.ofMinutes(n));
        boolean resolved = status.equals("resolved");

        ObjectNode alert = JSON.createObjectNode()
                .put("status", status);
        alert.set("labels", JSON.valueToTree(labels));
        alert.set("annotations", JSON.valueToTree(annotations));
        alert.put("startsAt", startsAt.toString())
                .put("endsAt", resolved ? startsAt.plus(TIME_TO_RESOLVE).toString() : "0001-01-01T00:00:00Z")
                .put("generatorURL", "http://prometheus.example.internal:9090/graph?g0.expr=ALERTS%7Balertname%3D%22"
                        + kind.alertname() + "%22%7D&g0.tab=1")
                .put("fingerprint", fingerprint(labels));

        Map<String, String> groupLabels = Map.of("alertname", kind.alertname(), "pod", labels.get("pod"));
        ObjectNode body = JSON.createObjectNode()
                .put("receiver", "dataops-bot")
                .put("status", status);
        body.putArray("alerts").add(alert);
        body.set("groupLabels", JSON.valueToTree(new TreeMap<>(groupLabels)));
        body.set("commonLabels", JSON.valueToTree(labels));
        body.set("commonAnnotations", JSON.valueToTree(annotations));
        body.put("externalURL", "http://alertmanager.example.internal:9093")
                .put("version", "4")
                .put("groupKey", "{}/{team=\"data-platform\"}:{alertname=\"" + kind.alertname() + "\", pod=\""
                        + labels.get("pod") + "\"}")
                .put("truncatedAlerts", 0);
        return body.toString();
    }

    /** Like Alertmanager's: FNV-1a (64 bit) over the sorted label names and values, each followed by 0xff. */
    private static String fingerprint(Map<String, String> sortedLabels) {
        long hash = 0xcbf29ce484222325L;
        for (Map.Entry<String, String> label : sortedLabels.entrySet()) {
            for (String part : List.of(label.getKey(), label.getValue())) {
                for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                    hash ^= b & 0xff;
                    hash *= 0x100000001b3L;
                }
                hash ^= 0xff;
                hash *= 0x100000001b3L;
            }
        }
        return String.format("%016x", hash);
    }
}
