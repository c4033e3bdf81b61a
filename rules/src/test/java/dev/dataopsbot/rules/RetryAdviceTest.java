package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Re-run advice comes from the signature, not only the mode, and always with a reason. The alert
 * lines are real message shapes from public issues (sources in docs/classification.md).
 */
class RetryAdviceTest {

    private static final String LOCKOUT = "repeated failed logins can lock the account";

    private static Verdict classify(String text) {
        return Classifiers.classify(text);
    }

    @Test
    void a_snowflake_wrong_password_is_not_retried_because_it_can_lock_the_account() {
        // the connector wraps the server's 390100 in a 250001 "failed to connect", a code catalogued as retryable
        Verdict v = classify("snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: "
                + "acme-xy12345.snowflakecomputing.com:443. Incorrect username or password was specified.");
        assertEquals("no", v.safeToRetry());
        assertEquals(LOCKOUT, v.safeToRetryReason());
    }

    @Test
    void the_snowflake_390100_code_alone_says_the_same() {
        Verdict v = classify("Validation query error : 390100 (08004): Incorrect username or password was specified.");
        assertEquals("no", v.safeToRetry());
        assertEquals(LOCKOUT, v.safeToRetryReason());
    }

    @Test
    void failed_logins_of_postgres_redshift_mysql_and_sql_server_are_not_retried() {
        for (String line : new String[] {
                "psycopg2.OperationalError: connection to server at \"orders-db\" (10.0.0.5), port 5432 failed: FATAL:  password authentication failed for user \"etl\"",
                "[Amazon](500310) Invalid operation: password authentication failed for user \"loader\";",
                "pymysql.err.OperationalError: (1045, \"Access denied for user 'etl'@'10.0.3.7' (using password: YES)\")",
                "pyodbc.InterfaceError: ('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'etl_loader'. (18456) (SQLDriverConnect)\")",
                "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.vendor.example.com/v2/auth/login"}) {
            Verdict v = classify(line);
            assertEquals("no", v.safeToRetry(), line);
            assertEquals(LOCKOUT, v.safeToRetryReason(), line);
        }
    }

    @Test
    void bigquery_out_of_free_query_bytes_is_not_retried_now() {
        Verdict v = classify("google.api_core.exceptions.Forbidden: 403 Quota exceeded: Your project exceeded quota for free "
                + "query bytes scanned. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas; "
                + "reason: quotaExceeded, location: unbilled.analysis, message: Quota exceeded: Your project exceeded quota "
                + "for free query bytes scanned.");
        assertEquals("rate_limit", v.failureMode());
        assertNotEquals("yes", v.safeToRetry());
        assertEquals("after_fix", v.safeToRetry());
        assertTrue(v.safeToRetryReason().contains("free tier"), v.safeToRetryReason());
    }

    @Test
    void a_google_daily_quota_waits_for_midnight_pacific() {
        Verdict v = classify("ERROR: 403 Custom quota exceeded: Your usage exceeded the custom quota for QueryUsagePerDay, "
                + "which is set by your administrator. For more information, see https://cloud.google.com/bigquery/cost-controls; "
                + "reason: quotaExceeded");
        assertEquals("after_fix", v.safeToRetry());
        assertEquals("after the quota resets (midnight Pacific) or the quota is raised", v.safeToRetryReason());
    }

    @Test
    void another_quota_waits_for_its_window_or_a_raise() {
        Verdict v = classify("botocore.errorfactory.ServiceQuotaExceededException: An error occurred (ServiceQuotaExceededException) "
                + "when calling the CreateJob operation: Quota exceeded for the number of concurrent jobs");
        assertEquals("after_fix", v.safeToRetry());
        assertFalse(v.safeToRetryReason().isBlank());
    }

    @Test
    void a_per_second_rate_limit_is_retried_after_a_back_off() {
        Verdict v = classify("botocore.exceptions.ClientError: An error occurred (SlowDown) when calling the PutObject operation "
                + "(reached max retries: 4): Please reduce your request rate.");
        assertEquals("rate_limit", v.failureMode());
        assertEquals("yes", v.safeToRetry());
        assertEquals("after a back-off; the limit is per second or per minute", v.safeToRetryReason());
    }

    @Test
    void a_recovery_notice_is_not_applicable_and_stays_inside_the_contract() {
        Verdict v = classify("""
                [RESOLVED] KafkaConsumerGroupLagHigh (orders-enricher prod)
                consumer lag recovered, back to normal
                """);
        assertTrue(v.notAFailure(), "the rules read it as no failure");
        assertEquals("no", v.safeToRetry());
        assertEquals(Disposition.NOTHING_FAILED, v.safeToRetryReason());
    }

    @Test
    void a_successful_run_that_leaked_personal_data_keeps_the_pii_advice() {
        Verdict v = classify("""
                [2024-06-03, 09:20:11 UTC] {crm_export.py:65} INFO - Sample rows:
                   contact_id                   email          ssn       card_number            phone
                0     1048821    jane.doe@example.com  123-45-6789  4111111111111111  +1-202-555-0143
                1     1048822    john.roe@example.com  987-65-4320  5555555555554444  +1-202-555-0177
                [2024-06-03, 09:20:11 UTC] {crm_export.py:71} WARNING - MASK_PII is 'false' for this run; skipping tokenisation step
                [2024-06-03, 09:20:19 UTC] {crm_export.py:88} INFO - Uploaded leads_2024-06-02.csv.gz (48211 rows) to s3://acme-partner-share/leads/2024-06-02/leads_2024-06-02.csv.gz
                [2024-06-03, 09:20:19 UTC] {taskinstance.py:1206} INFO - Marking task as SUCCESS. dag_id=partner_lead_share, task_id=export_leads_to_partner
                """);
        assertEquals("pii_exposure", v.failureMode());
        assertEquals("no", v.safeToRetry());
        assertEquals("a re-run spreads the sensitive data further; stop the pipeline and page Security", v.safeToRetryReason());
    }

    @Test
    void a_mode_default_carries_its_reason() {
        Verdict v = classify("""
                Database Error in model stg_shop__orders (models/staging/shop/stg_shop__orders.sql)
                  000904 (42000): SQL compilation error: error line 9 at position 8
                  invalid identifier 'DISCOUNT_CODE'
                """);
        assertEquals("schema_drift", v.failureMode());
        assertEquals("after_fix", v.safeToRetry());
        assertEquals("re-running fails the same way until the schema or the model is fixed", v.safeToRetryReason());
    }

    @Test
    void every_mode_decided_by_someone_else_still_gets_advice_with_a_reason() {
        try (RuleSession session = Classifiers.bundled().open(Alert.of("test", "the nightly job failed"))) {
            for (FailureMode mode : FailureMode.values()) {
                Verdict v = session.decidedAs(mode.id(), 0.8);
                assertTrue(Disposition.RETRY_VALUES.contains(v.safeToRetry()), mode + ": " + v.safeToRetry());
                assertFalse(v.safeToRetryReason().isBlank(), mode + " has no reason");
            }
        }
    }

    @Test
    void a_catalogued_code_that_only_repeats_the_default_keeps_the_default_reason() {
        Verdict v = classify("psycopg2.errors.DeadlockDetected: deadlock detected\nDETAIL:  Process 4121 waits for ShareLock on transaction 99812");
        assertEquals("lock_contention", v.failureMode());
        assertEquals("yes", v.safeToRetry());
        assertEquals("the competing job has usually finished; serialise the schedules if it happens again", v.safeToRetryReason());
    }
}
