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

    @Test
    void an_exit_status_is_an_exit_code_not_an_error_code() {
        Map<String, String> e = extractor.extract("""
                [2024-05-23, 02:30:12 UTC] {taskinstance.py:1206} INFO - Marking task as FAILED. dag_id=finance_reconcile, task_id=reconcile_ledger
                [2024-05-23, 02:30:12 UTC] {local_task_job_runner.py:240} INFO - Task exited with return code 1
                """, List.of());
        assertEquals("1", e.get("exit_code"));
        assertEquals(null, e.get("error_code"));
    }

    @Test
    void a_sentence_after_reason_is_no_error_code() {
        Map<String, String> e = extractor.extract("ExecutorLostFailure (executor 17 exited caused by one of the running tasks) "
                + "Reason: Container killed by YARN for exceeding physical memory limits. 11.2 GB of 11 GB physical memory used.",
                List.of());
        assertEquals(null, e.get("error_code"));
        Map<String, String> oom = extractor.extract("Last State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137", List.of());
        assertEquals("OOMKilled", oom.get("error_code"));
        assertEquals("137", oom.get("exit_code"));
    }

    @Test
    void spark_dag_scheduler_is_not_airflow() {
        Map<String, String> e = extractor.extract("""
                24/05/16 02:14:22 INFO SparkContext: Running Spark version 3.3.2
                24/05/16 02:14:44 INFO DAGScheduler: Submitting 64 missing tasks from ResultStage 3
                24/05/16 02:15:09 INFO DAGScheduler: ResultStage 3 failed in 25.118 s due to Job aborted due to stage failure
                """, List.of());
        assertEquals("spark", e.get("system"));
        assertEquals(null, e.get("orchestrator"));
    }

    @Test
    void airflow_orchestrates_a_kubernetes_pod() {
        Map<String, String> e = extractor.extract("""
                Airflow task failed: dbt_nightly.run_dbt_models
                dag: dbt_nightly
                error: kubernetes.client.exceptions.ApiException: (403) Reason: Forbidden: pods is forbidden: User "system:serviceaccount:airflow:airflow-worker" cannot create resource "pods" in API group "" in the namespace "dbt-jobs"
                """, List.of());
        assertEquals("airflow", e.get("orchestrator"));
        assertEquals("dbt-jobs", e.get("namespace"));
        assertEquals("403", e.get("error_code"));
    }

    @Test
    void kafka_topic_and_consumer_group_from_alert_fields() {
        Map<String, String> e = extractor.extract("""
                [FIRING:1] KafkaConsumerGroupLagHigh (orders-enricher prod)
                alertname: KafkaConsumerGroupLagHigh
                consumergroup: orders-enricher
                topic: orders.v1
                summary: Consumer group orders-enricher is 1.8M messages behind on topic orders.v1
                """, List.of());
        assertEquals("orders.v1", e.get("topic"));
        assertEquals("orders-enricher", e.get("consumer_group"));
    }

    @Test
    void kafka_topic_and_group_from_client_messages() {
        Map<String, String> e = extractor.extract("""
                [Consumer clientId=consumer-orders-sink-1, groupId=orders-sink] Offset commit failed on partition orders.v1-3 at offset 81723: The coordinator is not aware of this member.
                org.apache.kafka.common.errors.TimeoutException: Topic payments.v2 not present in metadata after 60000 ms.
                """, List.of());
        assertEquals("orders-sink", e.get("consumer_group"));
        assertEquals("payments.v2", e.get("topic"), "a topic named as such beats one read off a partition name");
        assertEquals("orders.v1", extractor.extract("Offset commit failed on partition orders.v1-3 at offset 81723", List.of())
                .get("topic"));
        Map<String, String> unknown = extractor.extract(
                "WARN [Producer clientId=p1] Error while fetching metadata with correlation id 7 : {clicks.raw=UNKNOWN_TOPIC_OR_PARTITION}",
                List.of());
        assertEquals("clicks.raw", unknown.get("topic"));
    }

    @Test
    void kubernetes_namespace_and_pod_from_alerts_and_kubectl() {
        Map<String, String> alert = extractor.extract("""
                alertname: KubeContainerOOMKilled
                namespace: spark-etl
                pod: orders-compaction-driver
                """, List.of());
        assertEquals("spark-etl", alert.get("namespace"));
        assertEquals("orders-compaction-driver", alert.get("pod"));

        Map<String, String> summary = extractor.extract(
                "summary: Container spark-kubernetes-driver in pod spark-etl/orders-compaction-driver was OOMKilled (memory limit 8Gi)",
                List.of());
        assertEquals("spark-etl", summary.get("namespace"));
        assertEquals("orders-compaction-driver", summary.get("pod"));

        Map<String, String> kubectl = extractor.extract("""
                description: pod/dbt-nightly-build-7f9c4d7b8-xk2lp in namespace airflow on container dbt is waiting
                """, List.of());
        assertEquals("airflow", kubectl.get("namespace"));
        assertEquals("dbt-nightly-build-7f9c4d7b8-xk2lp", kubectl.get("pod"));

        Map<String, String> events = extractor.extract("""
                  Normal   SuccessfulCreate  62m   job-controller  Created pod: nightly-reconcile-28601440-7vq2d
                  Warning  DeadlineExceeded  2m    job-controller  Job was active longer than specified deadline
                """, List.of());
        assertEquals("nightly-reconcile-28601440-7vq2d", events.get("pod"));

        Map<String, String> prose = extractor.extract("Pod build-features-x7k2m9qp has phase Failed; the pod is gone", List.of());
        assertEquals("build-features-x7k2m9qp", prose.get("pod"));
    }

    @Test
    void entities_come_in_the_documented_order() {
        Map<String, String> e = extractor.extract("""
                dag_id=orders_daily, task_id=load
                error: An error occurred (ThrottlingException) calling Kinesis
                namespace: etl
                pod: loader-5d8f7c-abcde
                topic: orders.v1
                consumergroup: orders-sink
                Task exited with return code 1
                """, List.of());
        assertEquals(List.of("dag_id", "task_id", "error_code", "exit_code", "namespace", "pod", "topic", "consumer_group",
                "system", "orchestrator"), List.copyOf(e.keySet()));
    }
}
