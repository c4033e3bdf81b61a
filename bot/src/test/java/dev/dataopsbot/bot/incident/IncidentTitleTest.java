package dev.dataopsbot.bot.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.LogLinePrefix;
import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.Verdict;

class IncidentTitleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[2024-05-14, 04:00:06 UTC] {taskinstance.py:2905} ERROR - Task failed with exception | Task failed with exception",
        "[2026-11-25 03:12:09] ERROR - 390114 (08001): Authentication token has expired. | 390114 (08001): Authentication token has expired.",
        "2024-05-14T04:00:06.123Z WARN Lock wait timeout exceeded | Lock wait timeout exceeded",
        "2024-05-14 04:00:06,123 UTC [ERROR] connection refused | connection refused",
        "*Description:* 2 failed task instances in 15m | 2 failed task instances in 15m",
        "*Exception*: ```snowflake.connector.errors.ProgrammingError: 390114``` | snowflake.connector.errors.ProgrammingError: 390114",
        "- summary = orders_daily has not loaded RAW.SHOPIFY.ORDERS | orders_daily has not loaded RAW.SHOPIFY.ORDERS",
        "description: Consumer lag above 100000 | Consumer lag above 100000",
        "psycopg2.OperationalError: could not connect to server | psycopg2.OperationalError: could not connect to server",
        "OperationalError: could not connect to server | OperationalError: could not connect to server",
    })
    void an_evidence_line_loses_its_timestamp_level_and_field_name_but_not_the_error(String line, String message) {
        assertEquals(message, LogLinePrefix.strip(line));
    }

    @Test
    void a_title_from_evidence_never_starts_with_a_timestamp_or_field_name() {
        String title = IncidentTitle.of(verdict("dependency_unavailable", Map.of("system", "postgres"),
                "*Description:* 2 failed task instances in 15m. Last error: could not connect to server"));

        assertEquals("dependency_unavailable in postgres: 2 failed task instances in 15m. Last error: could not connect "
                + "to server", title);
    }

    @Test
    void the_pipeline_object_names_the_incident_rather_than_a_log_line() {
        assertEquals("credential_expiry in snowflake: orders_daily.load_orders", IncidentTitle.of(verdict("credential_expiry",
                Map.of("system", "snowflake", "dag_id", "orders_daily", "task_id", "load_orders"),
                "[2024-05-14, 04:00:06 UTC] ERROR - token expired")));
        assertEquals("data_quality in dbt: not_null_orders_id", IncidentTitle.of(verdict("data_quality",
                Map.of("system", "dbt", "test", "not_null_orders_id"), "Failure in test not_null_orders_id")));
    }

    @Test
    void an_alert_with_a_name_is_titled_by_it_and_its_object() {
        Verdict lag = verdict("upstream_lag", Map.of("system", "kafka", "topic", "orders"), "summary: lag is high");

        assertEquals("upstream_lag in kafka: KafkaConsumerLagHigh · orders", IncidentTitle.of(lag, "KafkaConsumerLagHigh"));
    }

    @Test
    void a_pii_title_never_quotes_its_evidence() {
        String title = IncidentTitle.of(verdict("pii_exposure", Map.of(), "description: jane.doe@example.com in notes"));

        assertEquals("pii_exposure", title);
        assertFalse(title.contains("jane"));
    }

    private static Verdict verdict(String mode, Map<String, String> entities, String evidence) {
        return new Verdict(mode, 0.9, List.of(), List.of(new Evidence(mode, 0.9, 1, evidence, mode + ": rule")), "SEV3", "",
                "no", "", entities, List.of(), Set.of(), false);
    }
}
