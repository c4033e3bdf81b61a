package dev.dataopsbot.bot.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertSignalsTest {

    private final AlertMessageText extractor = new AlertMessageText();
    private final AlertSignals signals = new AlertSignals();

    private Optional<Recovery> recoveryIn(String fixture) {
        ChannelMessage message = AlertMessages.message(fixture);
        return signals.recovery(message, extractor.extract(message));
    }

    private boolean looksLikeAlert(String fixture) {
        ChannelMessage message = AlertMessages.message(fixture);
        return signals.looksLikeAlert(message, extractor.extract(message));
    }

    // looksLikeAlert

    @ParameterizedTest
    @ValueSource(strings = {"airflow-failure-callback", "dbt-cloud-job-failed", "datadog-monitor-alert",
            "ge-validation-failed", "elementary-test-failure", "monte-carlo-incident", "pagerduty-triggered",
            "grafana-firing", "alertmanager-firing", "cloudwatch-alarm", "airflow-success-callback"})
    void whatever_an_integration_posts_is_an_alert(String fixture) {
        assertTrue(looksLikeAlert(fixture), fixture);
    }

    @Test
    void a_person_pasting_a_failure_log_is_an_alert() {
        assertTrue(looksLikeAlert("human-pasted-log"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "orders_daily failed twice tonight, investigating",
            "Snowflake is down for us, every query times out",
            "no errors yesterday, but today load_orders raised an exception",
            "Error: no such table: main.orders",
            "dbt build: PASS=58 WARN=0 ERROR=1 SKIP=4 TOTAL=63",
            "SEV2 declared for the orders pipeline",
            "the nightly load did not succeed"})
    void a_person_writing_failure_words_is_an_alert(String text) {
        assertTrue(signals.looksLikeAlert(AlertMessages.fromPerson(text), text), text);
    }

    @Test
    void a_person_asking_in_chat_is_not_an_alert() {
        assertFalse(looksLikeAlert("human-question"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nightly run finished: no errors, 0 failures, error rate normal",
            "dbt build: PASS=63 WARN=0 ERROR=0 SKIP=0 TOTAL=63",
            "Failures: 0, errors: none, warnings: 0",
            "the new loader has run error-free for a week",
            "did the orders load fail last night?",
            "is anyone seeing an alert for orders_daily?",
            "lunch at noon?",
            "shipped the new freshness dashboard, take a look"})
    void a_person_s_chat_without_live_failure_words_is_not_an_alert(String text) {
        assertFalse(signals.looksLikeAlert(AlertMessages.fromPerson(text), text), text);
    }

    // recovery

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "airflow-success-callback | Succeeded",
            "airflow-dag-run-success  | success",
            "dbt-cloud-job-succeeded  | Succeeded",
            "datadog-monitor-recovery | Recovered:",
            "ge-validation-succeeded  | Status: Success",
            "monte-carlo-resolved     | Incident resolved",
            "pagerduty-resolved       | Resolved",
            "grafana-resolved         | [RESOLVED]",
            "alertmanager-resolved    | [RESOLVED]",
            "cloudwatch-ok            | ALARM → OK"})
    void integration_recoveries_are_recognised(String fixture, String reason) {
        assertEquals(Optional.of(new Recovery(reason)), recoveryIn(fixture), fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"airflow-failure-callback", "dbt-cloud-job-failed", "datadog-monitor-alert",
            "ge-validation-failed", "elementary-test-failure", "monte-carlo-incident", "pagerduty-triggered",
            "grafana-firing", "alertmanager-firing", "cloudwatch-alarm"})
    void integration_failures_are_not_recoveries(String fixture) {
        assertEquals(Optional.empty(), recoveryIn(fixture), fixture);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[OK] Snowflake load lag alert                                               | [OK]",
            "[Recovered on host:etl-worker-1] Snowflake load errors high                 | [Recovered on host:etl-worker-1]",
            "[RESOLVED:1] AirflowTaskFailures data-platform                              | [RESOLVED:1]",
            "Resolved: [#4821] Airflow DAG orders_daily failed: load_orders              | Resolved:",
            "OK: orders_daily freshness                                                  | OK:",
            "Alarm \"orders-lag\" in US East (N. Virginia) changed from ALARM to OK      | from ALARM to OK",
            "The alarm orders-lag is now in the OK state                                 | is now in the OK",
            "orders_daily freshness is back to normal                                    | back to normal",
            "Validation succeeded: claims.silver.critical                                | succeeded",
            "Run #48260 Succeeded                                                        | Succeeded",
            "Snowflake warehouse ANALYTICS_WH is OK                                      | is OK"})
    void recovery_wording_of_other_integrations_is_recognised(String text, String reason) {
        assertEquals(Optional.of(new Recovery(reason)), signals.recovery(AlertMessages.fromIntegration(text), text), text);
    }

    @Test
    void a_success_status_field_below_the_title_is_a_recovery() {
        String text = "Checkpoint claims_daily_checkpoint\nrun_id: 20240805T051122Z\nsuccess: true";

        assertEquals(Optional.of(new Recovery("success: true")), signals.recovery(AlertMessages.fromIntegration(text), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Task failed; previous run succeeded",
            "Unresolved: orders_daily freshness incident",
            "Incident not resolved after 2h: orders_daily still failing",
            "OKR dashboard refresh failed",
            "token refresh for the loader: failed",
            "looks ok? no, failed",
            "Alarm \"orders-lag\" changed from OK to ALARM",
            "[FIRING:1] SnowflakeLoadLag data-platform",
            "DAG orders_daily: the last successful run was 2 days ago and the current run errored",
            "Checkpoint claims_daily_checkpoint\nsuccess: false\nstatus: success for 3 of 4 suites",
            "GE checkpoint\nstate=success for batch 1\nstate=failed for batch 2"})
    void failures_that_merely_mention_success_are_not_recoveries(String text) {
        assertEquals(Optional.empty(), signals.recovery(AlertMessages.fromIntegration(text), text), text);
    }

    @Test
    void a_person_saying_resolved_is_not_a_recovery() {
        String text = "[RESOLVED] orders_daily, rotated the key";

        assertEquals(Optional.empty(), signals.recovery(AlertMessages.fromPerson(text), text));
        assertTrue(signals.recovery(AlertMessages.fromIntegration(text), text).isPresent());
    }

    // isFromBot

    @Test
    void the_bot_s_own_message_is_recognised_by_bot_id_or_by_user_id() {
        ChannelMessage own = AlertMessages.message("bot-own-message");

        assertTrue(signals.isFromBot(own, "U0DATAOPS", "B0DATAOPS"));
        assertTrue(signals.isFromBot(own, null, "B0DATAOPS"));
        assertTrue(signals.isFromBot(own, "U0DATAOPS", null));
    }

    @Test
    void other_integrations_and_people_are_not_the_bot() {
        assertFalse(signals.isFromBot(AlertMessages.message("datadog-monitor-alert"), "U0DATAOPS", "B0DATAOPS"));
        assertFalse(signals.isFromBot(AlertMessages.message("human-question"), "U0DATAOPS", "B0DATAOPS"));
        assertFalse(signals.isFromBot(AlertMessages.message("airflow-failure-callback"), null, null));
    }

    // isIgnorable

    @ParameterizedTest
    @ValueSource(strings = {"message-changed", "thread-reply", "thread-broadcast", "bot-own-message"})
    void edits_and_thread_replies_are_ignorable(String fixture) {
        assertTrue(signals.isIgnorable(AlertMessages.message(fixture)), fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_deleted", "message_replied", "channel_join", "channel_leave", "channel_topic",
            "channel_purpose", "channel_name", "bot_add", "bot_remove", "pinned_item", "unpinned_item", "reminder_add",
            "ekm_access_denied", "me_message"})
    void non_post_subtypes_are_ignorable(String subtype) {
        ChannelMessage message = new ChannelMessage("C1", "1.0", null, "U1", null, subtype, null, "text", null, null);

        assertTrue(signals.isIgnorable(message), subtype);
    }

    @ParameterizedTest
    @ValueSource(strings = {"airflow-failure-callback", "datadog-monitor-alert", "grafana-firing", "human-question",
            "human-pasted-log"})
    void new_posts_at_the_top_of_the_channel_are_not_ignorable(String fixture) {
        assertFalse(signals.isIgnorable(AlertMessages.message(fixture)), fixture);
    }

    @Test
    void a_file_share_and_a_thread_parent_are_posts() {
        assertFalse(signals.isIgnorable(new ChannelMessage("C1", "1.0", null, "U1", null, "file_share", null, "log attached", null, null)));
        assertFalse(signals.isIgnorable(new ChannelMessage("C1", "1.0", "1.0", "U1", null, null, null, "parent", null, null)));
    }

    // isVague

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "DAG orders_daily failed", ":red_circle: Task Failed. load_orders",
            "Run #412 failed", "anyone know why the dashboard is slow?", "Airflow alert: <https://airflow/x|orders_daily> failed"})
    void a_few_words_without_a_failure_detail_are_vague(String text) {
        assertTrue(signals.isVague(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProgrammingError: token expired", "load_orders: permission denied",
            "ORA-01017 on load", "390114 (08001) on load_orders", "HTTP 429 Too Many Requests",
            "3 rows with null member_id", "query timed out"})
    void a_few_words_with_a_failure_detail_are_not_vague(String text) {
        assertFalse(signals.isVague(text), text);
    }

    @Test
    void a_full_integration_alert_is_not_vague() {
        for (String fixture : new String[] {"airflow-failure-callback", "datadog-monitor-alert", "cloudwatch-alarm"}) {
            assertFalse(signals.isVague(extractor.extract(AlertMessages.message(fixture))), fixture);
        }
    }
}
