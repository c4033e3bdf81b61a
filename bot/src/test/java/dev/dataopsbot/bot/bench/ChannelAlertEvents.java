package dev.dataopsbot.bot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.fake.SignedRequests;

/**
 * Signed Events API callbacks for a channel-alert benchmark: event {@code n} is the Airflow Slack
 * callback "Task Failed" for its own DAG and task (names spelled in letters, so no fingerprint
 * masking makes two alike) with one of eight real error lines, posted as a {@code bot_message} in
 * one of the given channels in turn, with its own event id and message {@code ts}. Every event is
 * a new alert: none folds into an earlier incident, so each one owes a triage reply in its thread.
 */
final class ChannelAlertEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TASKS = List.of("extract_orders", "load_customers", "transform_invoices",
            "export_leads", "build_features", "merge_sessions", "sync_tickets", "publish_metrics");
    private static final List<String> ERRORS = List.of(
            "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired. "
                    + "The user must authenticate again.",
            "airflow.exceptions.AirflowException: Pod returned a failure: container base terminated with reason "
                    + "OOMKilled, exit code 137",
            "psycopg2.OperationalError: connection to server at \"orders-db.prod.internal\" (10.40.3.17), port 5432 "
                    + "failed: Connection refused",
            "google.api_core.exceptions.BadRequest: 400 Provided Schema does not match Table acme-analytics:raw.events. "
                    + "Field device_id has changed type from STRING to INTEGER",
            "snowflake.connector.errors.ProgrammingError: 003001 (42501): SQL access control error: Insufficient "
                    + "privileges to operate on table 'FCT_ORDERS'",
            "google.api_core.exceptions.Forbidden: 403 Exceeded rate limits: too many table update operations for "
                    + "this table",
            "psycopg2.errors.DiskFull: could not write to file \"base/pgsql_tmp/pgsql_tmp48211.12\": No space left "
                    + "on device",
            "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout");

    private static final List<String> FAILURE_MODES = List.of("credential_expiry", "resource_exhaustion",
            "dependency_unavailable", "schema_drift", "permission_denied", "rate_limit", "resource_exhaustion", "timeout");

    private final List<String> channels;
    private final String secret;
    private final long firstTs;

    /** Messages get {@code ts} {@code firstTs + n} seconds; {@code channels} take turns. */
    ChannelAlertEvents(List<String> channels, String secret, long firstTs) {
        this.channels = List.copyOf(channels);
        this.secret = secret;
        this.firstTs = firstTs;
    }

    String channel(int n) {
        return channels.get(n % channels.size());
    }

    /** The Slack message ts of event {@code n}: the thread its reply must go in. */
    String ts(int n) {
        return (firstTs + n) + ".000100";
    }

    /** The alert text of event {@code n}. */
    static String text(int n) {
        String dag = "bench_" + letters(n) + "_daily";
        String task = TASKS.get(n % TASKS.size());
        return ":red_circle: Task Failed.\n*Dag*: " + dag + "\n*Task*: " + task + "\n"
                + "*Execution Time*: 2024-05-14T04:00:00+00:00\n"
                + "*Log Url*: <http://airflow:8080/log?dag_id=" + dag + "&task_id=" + task + "|View log>\n"
                + "*Error*: " + ERRORS.get(errorIndex(n));
    }

    /** The failure mode the bundled rules should find in the alert of event {@code n}. */
    static String expectedFailureMode(int n) {
        return FAILURE_MODES.get(errorIndex(n));
    }

    private static int errorIndex(int n) {
        return n / TASKS.size() % ERRORS.size();
    }

    /** Event {@code n} signed now, as the Events API delivers it to {@code endpoint}. */
    HttpRequest request(URI endpoint, int n) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy").put("team_id", "T1").put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", "EvBench" + n).put("event_time", firstTs + n);
        body.putObject("event").put("type", "message").put("subtype", "bot_message").put("channel", channel(n))
                .put("ts", ts(n)).put("bot_id", "BAIRFLOW").put("username", "Airflow").put("text", text(n));
        try {
            return SignedRequests.event(endpoint, body.toString(), Instant.now(), secret);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign event " + n + ": " + e.getMessage(), e);
        }
    }

    /** {@code n} in base 26 with letters. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        int rest = n;
        do {
            out.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return out.reverse().toString();
    }
}
