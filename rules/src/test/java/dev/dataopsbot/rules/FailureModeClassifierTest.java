package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FailureModeClassifierTest {

    private static Verdict classify(String text) {
        return Classifiers.classify(text);
    }

    @Test
    void evidence_and_precedence_come_in_a_fixed_order_whatever_order_the_session_returns_facts_in() {
        // two rules of equal weight fire on line 1 (the credential rule and the Snowflake catalogue
        // entry), and two symptoms are explained by one cause: both once came out in either order
        Verdict v = classify("""
                snowflake.connector.errors.ProgrammingError: 390114 (08001): None: Authentication token has expired.  The user must authenticate again.
                403 Forbidden: the request was refused
                SSL handshake failed: connection reset
                """);
        List<Evidence> evidence = v.evidence();
        for (int i = 1; i < evidence.size(); i++) {
            Evidence a = evidence.get(i - 1);
            Evidence b = evidence.get(i);
            if (a.getFailureMode().equals(b.getFailureMode()) && a.getWeight() == b.getWeight() && a.getLine() == b.getLine()) {
                assertTrue(a.getRule().compareTo(b.getRule()) <= 0, "ties ordered by rule: " + a.getRule() + " before " + b.getRule());
            }
        }
        assertEquals(v.precedence().stream().sorted().toList(), v.precedence());
        assertTrue(evidence.stream().filter(e -> e.getLine() == 1).count() >= 2, "the test needs a tie: " + evidence);
    }

    @Test
    void lines_after_the_cut_of_a_huge_input_keep_their_original_numbers() throws java.io.IOException {
        StringBuilder raw = new StringBuilder();
        for (int i = 1; i <= 150_000; i++) {
            raw.append("INFO step ").append(i).append(" of the nightly load is fine\n");
        }
        raw.append("ERROR: deadlock detected\nINFO done\n");
        int deadlockLine = 150_001;
        // the CLI's reader cuts bytes; Slack and webhook text is cut in characters by the normaliser
        String viaReader = new dev.dataopsbot.rules.text.BoundedInput().read(
                new java.io.ByteArrayInputStream(raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String text : List.of(viaReader, raw.toString(), raw.toString().replace("\n", "\r\n"))) {
            Verdict v = classify(text);
            assertEquals("lock_contention", v.failureMode());
            assertEquals(deadlockLine, v.primaryEvidence().get(0).getLine(), "after the cut");
        }
        Verdict head = classify("ERROR: deadlock detected\n" + raw);
        assertEquals(1, head.primaryEvidence().get(0).getLine(), "before the cut nothing moves");
    }

    @Test
    void expired_certificate_behind_tls_handshake_is_credential_expiry() {
        Verdict v = classify("""
                ERROR Failed to connect to kafka-1.prod:9093: SSL handshake failed
                javax.net.ssl.SSLHandshakeException: PKIX path validation failed
                Caused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Mar 04 23:59:59 UTC 2024
                """);
        assertEquals("credential_expiry", v.failureMode());
        assertTrue(v.secondary().contains("dependency_unavailable"), v.secondary().toString());
        assertFalse(v.precedence().isEmpty(), "the precedence decision is explained");
    }

    @Test
    void empty_source_behind_failed_row_count_test_is_upstream_lag() {
        Verdict v = classify("""
                07:10:02  Failure in test row_count_above_zero_stg_orders (models/staging/_stg.yml)
                07:10:02    Got 1 result, configured to fail if != 0
                07:10:02  note: source raw.orders returned 0 rows for 2024-06-01: source is empty
                """);
        assertEquals("upstream_lag", v.failureMode());
        assertTrue(v.secondary().contains("data_quality"));
    }

    @Test
    void upstream_failed_cascade_points_at_the_root_task() {
        Verdict v = classify("""
                DAG run failed: orders_daily
                load_orders: upstream_failed
                publish_orders: upstream_failed
                root task extract_orders failed: psycopg2.errors.UndefinedColumn: column "discount_code" does not exist
                """);
        assertEquals("schema_drift", v.failureMode());
    }

    @Test
    void vague_task_failure_is_unknown() {
        Verdict v = classify("Task failed. dag: finance_daily task: build_ledger try 2 of 2");
        assertEquals("unknown", v.failureMode());
        assertEquals("SEV4", v.severity());
        assertEquals("no", v.safeToRetry());
    }

    @Test
    void success_notice_is_unknown() {
        assertEquals("unknown", classify("07:41:12  Completed successfully\n07:41:12  Done. PASS=212 WARN=0 ERROR=0 SKIP=0 TOTAL=212").failureMode());
    }

    @Test
    void severity_escalation_and_retry_come_from_the_taxonomy() {
        Verdict v = classify("psycopg2.OperationalError: connection to server at \"db\" (10.0.0.1), port 5432 failed: Connection refused");
        assertEquals("dependency_unavailable", v.failureMode());
        assertEquals("SEV2", v.severity());
        assertEquals("owning service team / vendor", v.escalateTo());
        assertEquals("yes", v.safeToRetry());
    }

    @Test
    void tier_one_dataset_raises_data_quality_to_sev2() {
        Verdict v = classify("Failure in test not_null_fct_revenue_amount (tier: 1)\n  Got 12 results, configured to fail if != 0");
        assertEquals("data_quality", v.failureMode());
        assertEquals("SEV2", v.severity());
    }

    @Test
    void personal_data_is_always_sev1_and_never_safe_to_rerun() {
        Verdict v = classify("[Macie] High: SensitiveData:S3Object/Personal in acme-exports (effective permission: PUBLIC)");
        assertEquals("pii_exposure", v.failureMode());
        assertEquals("SEV1", v.severity());
        assertEquals("no", v.safeToRetry());
        assertEquals("Security, immediately", v.escalateTo());
    }

    @Test
    void sql_echoed_in_the_log_is_not_evidence() {
        Verdict v = classify("""
                [2024-06-01, 06:00:02 UTC] {sql.py:276} INFO - Executing: SELECT count_if(state = 'deadlock detected') AS deadlocks, 'permission denied' FROM ops.task_failures
                [2024-06-01, 06:00:09 UTC] {taskinstance.py:1206} INFO - Marking task as SUCCESS. dag_id=ops_report, task_id=count_failures
                """);
        assertEquals("unknown", v.failureMode());
    }

    @Test
    void the_number_429_in_an_id_is_no_rate_limit() {
        Verdict v = classify("ERROR job 429 failed: ConnectionRefusedError at host-429\nERROR job 430 failed: ConnectionRefusedError at host-430");
        assertEquals("dependency_unavailable", v.failureMode());
        assertEquals("rate_limit", classify("requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url").failureMode());
    }

    @Test
    void evidence_names_line_text_and_rule() {
        Verdict v = classify("starting\nsnowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.");
        Evidence first = v.primaryEvidence().get(0);
        assertEquals(2, first.getLine());
        assertTrue(first.getText().contains("390114"));
        assertTrue(v.primaryEvidence().stream().anyMatch(e -> e.getRule().startsWith("credential_expiry: ")));
        assertTrue(v.primaryEvidence().stream().anyMatch(e -> e.getRule().equals("catalogue snowflake-error-codes: 390114")),
                "the catalogued code is evidence too: " + v.primaryEvidence());
        assertEquals("snowflake", v.entities().get("system"));
        assertEquals("390114", v.entities().get("error_code"));
    }

    @Test
    void empty_and_whitespace_alerts_are_unknown() {
        assertEquals("unknown", classify("").failureMode());
        assertEquals("unknown", classify(" \n\t \n").failureMode());
    }

    @Test
    void classification_is_thread_safe() throws Exception {
        List<String> texts = List.of(
                "psycopg2.errors.DeadlockDetected: deadlock detected",
                "java.lang.OutOfMemoryError: Java heap space",
                "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v1",
                "airflow.exceptions.AirflowNotFoundException: The conn_id `snowflake_default` isn't defined");
        List<String> expected = texts.stream().map(t -> classify(t).failureMode()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = texts.get(i % texts.size());
                futures.add(pool.submit(() -> classify(text).failureMode()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % texts.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("lock_contention", "resource_exhaustion", "rate_limit", "config_error"), expected);
    }

    private static String uniqueLines(String line, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i).append(' ').append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    void one_mebibyte_of_adversarial_text_is_classified_without_catastrophic_backtracking() {
        String[] hostile = {
                "token ".repeat(174_762),
                uniqueLines("x".repeat(1_990), 524),
                "a".repeat(1 << 20),
                uniqueLines("Failure in test " + "a ".repeat(900), 570),
                uniqueLines("timed out connection refused permission denied expired ".repeat(35), 524),
                uniqueLines("a", 100_000),
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : hostile) {
                classify(text);
            }
        }, "a rule regex backtracks catastrophically");
    }
}
