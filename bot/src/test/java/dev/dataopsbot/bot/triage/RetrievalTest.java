package dev.dataopsbot.bot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.rules.FailureMode;
import org.junit.jupiter.api.Test;

/** For every failure mode, a typical alert is classified so and its top runbook lists that mode. */
class RetrievalTest {

    private static final Map<String, String> TYPICAL = Map.ofEntries(
            Map.entry("credential_expiry", "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.')"),
            Map.entry("permission_denied", "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"),
            Map.entry("schema_drift", "000904 (42000): SQL compilation error: error line 3 at position 7 invalid identifier 'CUSTOMER_TIER'"),
            Map.entry("upstream_lag", "airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 7200.5 seconds exceeds the specified timeout of 7200.0."),
            Map.entry("data_quality", "Failure in test unique_dim_customers_customer_id (models/marts/_marts.yml)\n  Got 12 results, configured to fail if != 0"),
            Map.entry("resource_exhaustion", "java.lang.OutOfMemoryError: Java heap space"),
            Map.entry("timeout", "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"),
            Map.entry("rate_limit", "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v2/orders"),
            Map.entry("dependency_unavailable", "psycopg2.OperationalError: could not connect to server: Connection refused"),
            Map.entry("code_defect", "psycopg2.errors.SyntaxError: syntax error at or near \"FROM\""),
            Map.entry("config_error", "airflow.exceptions.AirflowNotFoundException: The conn_id `redshift_default` isn't defined"),
            Map.entry("lock_contention", "ERROR: deadlock detected\nDETAIL: Process 1 waits for ShareLock on transaction 2; blocked by process 3."),
            Map.entry("orchestrator_failure", "airflow.exceptions.AirflowException: Task received SIGTERM signal"),
            Map.entry("pii_exposure", "Google Cloud DLP finding: infoType US_SOCIAL_SECURITY_NUMBER count 311 in table marketing_sandbox.leads"),
            Map.entry("unknown", "DAG run failed: finance_daily. reason: task_failure"));

    @Test
    void every_mode_finds_a_runbook_that_lists_it() {
        TriageService service = TriageServiceFactory.create(BotConfig.fromEnv(Map.of()), warning -> { });
        assertEquals(FailureMode.ids().size(), TYPICAL.size(), "one typical alert per taxonomy mode");
        TYPICAL.forEach((mode, alert) -> {
            Triage triage = service.triage("test", alert);
            assertEquals(mode, triage.verdict().failureMode(), alert);
            assertFalse(triage.runbooks().isEmpty(), mode);
            RunbookHit top = triage.runbooks().get(0);
            assertTrue(top.failureModes().contains(mode), mode + " got " + top.id());
        });
    }
}
