package dev.dataopsbot.bot.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertMessageTextTest {

    private final AlertMessageText extractor = new AlertMessageText();

    private List<String> lines(String fixture) {
        return extractor.extract(AlertMessages.message(fixture)).lines().toList();
    }

    private String text(String slackText) {
        return extractor.extract(AlertMessages.fromIntegration(slackText));
    }

    @Test
    void airflow_callback_keeps_the_exception_from_its_code_fence_on_a_line_of_its_own() {
        List<String> lines = lines("airflow-failure-callback");

        assertEquals(":red_circle: Task Failed.", lines.get(0));
        assertTrue(lines.contains("*Dag*: orders_daily"), lines.toString());
        assertTrue(lines.contains("snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.  The user must authenticate again."), lines.toString());
        assertTrue(lines.contains("*Log Url*: View log (https://airflow.acme.internal/log?dag_id=orders_daily&task_id=load_orders&execution_date=2024-08-05T02%3A00%3A00%2B00%3A00)"), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"airflow-failure-callback", "airflow-success-callback", "airflow-dag-run-success",
            "dbt-cloud-job-failed", "dbt-cloud-job-succeeded", "datadog-monitor-alert", "datadog-monitor-recovery",
            "ge-validation-failed", "ge-validation-succeeded", "elementary-test-failure", "monte-carlo-incident",
            "monte-carlo-resolved", "pagerduty-triggered", "pagerduty-resolved", "grafana-firing", "grafana-resolved",
            "alertmanager-firing", "alertmanager-resolved", "cloudwatch-alarm", "cloudwatch-ok", "human-pasted-log"})
    void no_slack_markup_escapes_or_blank_lines_survive(String fixture) {
        String text = extractor.extract(AlertMessages.message(fixture));

        assertFalse(text.isBlank(), fixture);
        for (String leftover : List.of("<http", "<@", "<#", "<!", "&amp;", "&lt;", "&gt;", "```")) {
            assertFalse(text.contains(leftover), fixture + " still has " + leftover + ":\n" + text);
        }
        assertTrue(text.lines().noneMatch(String::isBlank), fixture);
        assertEquals(text.lines().distinct().count(), text.lines().count(), fixture + " repeats a line");
    }

    @Test
    void links_read_as_label_then_url_and_bare_links_as_the_url() {
        assertEquals("Runbook: Rotate keys (https://wiki/rotate?a=1&b=2)", text("Runbook: <https://wiki/rotate?a=1&amp;b=2|Rotate keys>"));
        assertEquals("see https://status.snowflake.com", text("see <https://status.snowflake.com>"));
        assertEquals("see https://status.snowflake.com", text("see <https://status.snowflake.com|status.snowflake.com>"));
        assertEquals("mail data@acme.io", text("mail <mailto:data@acme.io|data@acme.io>"));
    }

    @Test
    void mentions_channels_and_broadcasts_read_as_people_write_them() {
        assertEquals("cc @U01ALICE @alice #C0DATA #data-quality @here @channel @data-oncall @S0TEAM",
                text("cc <@U01ALICE> <@U01ALICE|alice> <#C0DATA> <#C0DATA|data-quality> <!here> <!channel> <!subteam^S0ONCALL|@data-oncall> <!subteam^S0TEAM>"));
        assertEquals("last load Aug 4 at 10:12 PM", text("last load <!date^1722809571^{date_short} at {time}|Aug 4 at 10:12 PM>"));
    }

    @Test
    void escapes_are_undone_once_and_emphasis_is_kept() {
        assertEquals("rows > 0 & null_count < 5, literal &lt;", text("rows &gt; 0 &amp; null_count &lt; 5, literal &amp;lt;"));
        assertEquals("*Task* _load_orders_ ~retried~ `sql`", text("*Task* _load_orders_ ~retried~ `sql`"));
    }

    @Test
    void angle_brackets_that_are_not_slack_controls_are_kept() {
        assertEquals("Executing <Task(SnowflakeOperator): load_orders> on <TaskInstance: orders_daily.load_orders [running]>",
                text("Executing <Task(SnowflakeOperator): load_orders> on <TaskInstance: orders_daily.load_orders [running]>"));
    }

    @Test
    void code_fences_lose_their_backticks_and_keep_every_log_line() {
        assertEquals("Exception:\nTraceback (most recent call last):\nFile \"/opt/airflow/dags/load.py\", line 42, in load\nKeyError: 'order_id'",
                text("Exception: ```Traceback (most recent call last):\n  File \"/opt/airflow/dags/load.py\", line 42, in load\nKeyError: 'order_id'```"));
    }

    @Test
    void attachment_title_link_text_and_fields_read_in_order_as_title_colon_value() {
        List<String> lines = lines("datadog-monitor-alert");

        assertEquals("Triggered: [P2] Snowflake loader auth failures on orders_daily (https://app.datadoghq.com/monitors/91233817?group=dag_id%3Aorders_daily&from_ts=1722822700000&to_ts=1722823900000&event_id=7551232)", lines.get(0));
        assertEquals("Airflow task `load_orders` in DAG `orders_daily` is failing on Snowflake authentication:", lines.get(1));
        assertTrue(lines.contains("Notify: @data-oncall @U01ALICE"), lines.toString());
        int metric = lines.indexOf("Metric value: 3.0");
        int threshold = lines.indexOf("Threshold: > 0 for last 5m");
        int footer = lines.indexOf("Datadog monitor 91233817");
        assertTrue(1 < metric && metric < threshold && threshold < footer, lines.toString());
    }

    @Test
    void a_multi_line_field_value_goes_under_its_title() {
        List<String> lines = lines("dbt-cloud-job-failed");

        int error = lines.indexOf("Error:");
        assertEquals("Database Error in model fct_orders (models/marts/fct_orders.sql)", lines.get(error + 1));
        assertEquals("Object 'RAW.SHOPIFY.ORDERS_V2' does not exist or not authorized.", lines.get(error + 3));
        assertEquals("dbt Cloud job *Nightly production run* did not succeed", lines.get(0));
    }

    @Test
    void a_fallback_that_repeats_the_title_and_text_is_dropped() {
        String datadog = extractor.extract(AlertMessages.message("datadog-monitor-alert"));
        String dbt = extractor.extract(AlertMessages.message("dbt-cloud-job-failed"));

        assertEquals(1, occurrences(datadog, "Snowflake loader auth failures on orders_daily"), datadog);
        assertFalse(dbt.contains("dbt Cloud: Run #48213 Errored for job Nightly production run"), dbt);
    }

    @Test
    void a_fallback_is_the_text_of_an_attachment_that_has_nothing_else() throws Exception {
        JsonNode attachments = new ObjectMapper().readTree(
                "[{\"fallback\": \"Fivetran: connector salesforce_prod sync failed: INVALID_SESSION_ID\", \"color\": \"danger\"}]");
        ChannelMessage message = new ChannelMessage("C1", "1.0", null, null, "B1", null, "Fivetran", "", attachments, null);

        assertEquals("Fivetran: connector salesforce_prod sync failed: INVALID_SESSION_ID", extractor.extract(message));
    }

    @Test
    void header_section_fields_and_context_come_in_reading_order_and_the_repeated_notification_text_is_dropped() {
        List<String> lines = lines("ge-validation-failed");

        assertEquals("Great Expectations Validation Result", lines.get(0));
        assertEquals("*Batch Validation Status*: Failed :no_entry:", lines.get(1));
        int asset = lines.indexOf("*Data asset name*: `claims_silver_daily`");
        int expectation = lines.indexOf("• expect_compound_columns_to_be_unique(column_list=[claim_id, line_no]): unexpected_count 86");
        int docs = lines.indexOf("*DataDocs*: Open validation result (https://ge-docs.acme.internal/validations/claims.silver.critical/20240805T041122.834911Z-claims_daily_checkpoint/)");
        int context = lines.indexOf("Learn how to review validation results in Data Docs: https://docs.greatexpectations.io/docs/terms/data_docs");
        assertTrue(1 < asset && asset < expectation && expectation < docs && docs < context, lines.toString());
        assertFalse(lines.contains("Great Expectations validation failed: claims.silver.critical"), lines.toString());
    }

    @Test
    void notification_text_that_says_more_than_the_blocks_comes_first() throws Exception {
        JsonNode blocks = new ObjectMapper().readTree(
                "[{\"type\": \"header\", \"text\": {\"type\": \"plain_text\", \"text\": \"Soda scan results\"}}]");
        ChannelMessage message = new ChannelMessage("C1", "1.0", null, null, "B1", null, "Soda",
                "Soda scan failed: 2 checks failed on dim_customers", null, blocks);

        assertEquals("Soda scan failed: 2 checks failed on dim_customers\nSoda scan results", extractor.extract(message));
    }

    @Test
    void block_fields_written_bold_title_then_value_read_as_title_colon_value() {
        List<String> lines = lines("monte-carlo-incident");

        assertEquals(":red_circle: *New incident* — Freshness anomaly on analytics:marts.fct_orders (https://getmontecarlo.com/incidents/6f1c2a9e-4b7d-4e3f-9a8c-1b2d9e7f4a60)", lines.get(0));
        assertTrue(lines.contains("Severity: SEV-2"), lines.toString());
        assertTrue(lines.contains("Table: analytics:marts.fct_orders"), lines.toString());
        assertTrue(lines.contains("Table `fct_orders` has not been updated in 7h 12m; it is usually updated every 1h. Last update: Aug 4 at 10:12 PM UTC."), lines.toString());
        assertTrue(lines.contains("Monte Carlo | Notification from audience #data-quality"), lines.toString());
    }

    @Test
    void rich_text_sections_quotes_preformatted_blocks_and_lists_each_read_as_lines() {
        List<String> lines = lines("elementary-test-failure");

        assertEquals(":small_red_triangle: dbt test alert: unique_fct_orders_order_id", lines.get(0));
        assertTrue(lines.contains("Test unique failed on fct_orders (https://elementary.acme.internal/report#/tests/unique_fct_orders_order_id) :rotating_light: cc @U01ALICE in #C0FINDATA @here"), lines.toString());
        assertTrue(lines.contains("Got 2315 results, configured to fail if != 0"), lines.toString());
        assertTrue(lines.contains("having count(*) > 1"), lines.toString());
        assertTrue(lines.contains("- Test type: dbt_test (unique)"), lines.toString());
        assertTrue(lines.contains("2. Rerun dbt test -s fct_orders"), lines.toString());
        assertTrue(lines.contains("Table: `analytics.marts.fct_orders`"), lines.toString());
    }

    @Test
    void buttons_and_images_are_not_alert_text() {
        String elementary = extractor.extract(AlertMessages.message("elementary-test-failure"));
        String monteCarlo = extractor.extract(AlertMessages.message("monte-carlo-incident"));

        assertFalse(elementary.contains("View in Elementary"), elementary);
        assertFalse(monteCarlo.contains("Acknowledge"), monteCarlo);
        assertFalse(monteCarlo.contains("logo.png"), monteCarlo);
    }

    @Test
    void text_repeated_in_rich_text_appears_once() {
        assertEquals(List.of("DAG run success: orders_daily (run_id=scheduled__2024-08-05T02:00:00+00:00, state=success, duration 00:41:12)"),
                lines("airflow-dag-run-success"));
    }

    @Test
    void repeats_differing_only_in_case_spacing_emphasis_or_emoji_are_dropped() {
        assertEquals(":x: Task failed: load_orders", text(":x: Task failed: load_orders\n*Task failed:*   load_orders.\nTASK FAILED: load_orders"));
    }

    @Test
    void an_edit_event_has_no_alert_text_of_its_own() {
        assertEquals("", extractor.extract(AlertMessages.message("message-changed")));
    }

    @Test
    void the_text_stops_at_one_mebibyte() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 3 * DistinctLines.MAX_CHARS; i++) {
            huge.append("log line ").append(i).append(": retrying COPY INTO raw.orders after a transient error\n");
        }

        String text = text(huge.toString());

        assertEquals(DistinctLines.MAX_CHARS, text.length());
        assertTrue(text.startsWith("log line 0: retrying"));
    }

    @Test
    void one_huge_line_is_cut_at_one_mebibyte() {
        String text = text("x".repeat(DistinctLines.MAX_CHARS + 10));

        assertEquals(DistinctLines.MAX_CHARS, text.length());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
