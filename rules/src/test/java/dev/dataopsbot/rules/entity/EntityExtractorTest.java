package dev.dataopsbot.rules.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor();

    @Test
    void airflow_log_fields_are_extracted() {
        Map<String, String> e = extractor.extract("""
                [2024-05-14, 04:00:06 UTC] {task_command.py:423} INFO - Running <TaskInstance: partner_export.upload scheduled__2024-05-13T04:00:00+00:00 [running]> on host airflow-worker-3.svc
                ERROR - Failed: An error occurred (ExpiredToken) when calling the PutObject operation: s3://bucket/key
                INFO - Marking task as FAILED. dag_id=partner_export, task_id=upload, run_id=scheduled__2024-05-13T04:00:00+00:00, execution_date=20240513T040000
                """, List.of("An error occurred (ExpiredToken) when calling the PutObject operation: s3://bucket/key"));
        assertEquals("partner_export", e.get("dag_id"));
        assertEquals("upload", e.get("task_id"));
        assertEquals("scheduled__2024-05-13T04:00:00+00:00", e.get("run_id"));
        assertEquals("airflow-worker-3.svc", e.get("host"));
        assertEquals("ExpiredToken", e.get("error_code"));
        assertEquals("s3", e.get("system"));
        assertEquals("airflow", e.get("orchestrator"));
    }

    @Test
    void dbt_model_and_warehouse_are_extracted() {
        String text = """
                Database Error in model stg_shop__orders (models/staging/shop/stg_shop__orders.sql)
                  000904 (42000): SQL compilation error: error line 9 at position 8
                  invalid identifier 'DISCOUNT_CODE'
                """;
        Map<String, String> e = extractor.extract(text, List.of("invalid identifier 'DISCOUNT_CODE'"));
        assertEquals("stg_shop__orders", e.get("model"));
        assertEquals("000904", e.get("error_code"));
        assertEquals("snowflake", e.get("system"));
        assertEquals("dbt", e.get("orchestrator"));
    }

    @Test
    void slack_callback_fields_and_tables_are_extracted() {
        Map<String, String> e = extractor.extract("""
                :red_circle: Task Failed.
                *Task*: extract_campaign_spend
                *Dag*: marketing_ads_ingest
                error: permission denied for relation daily_revenue
                """, List.of("error: permission denied for relation daily_revenue"));
        assertEquals("marketing_ads_ingest", e.get("dag_id"));
        assertEquals("extract_campaign_spend", e.get("task_id"));
        assertEquals("daily_revenue", e.get("table"));
    }

    @Test
    void http_status_becomes_the_error_code() {
        Map<String, String> e = extractor.extract("requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.x.com/v2", List.of());
        assertEquals("429", e.get("error_code"));
    }
}
