package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNOWFLAKE = "snowflake.connector.errors.ProgrammingError: 390114 (08001): None: Authentication token has expired.  The user must authenticate again.";

    @TempDir
    Path dir;

    @Test
    void text_output_names_mode_severity_retry_escalation_evidence_and_runbooks() throws IOException {
        Path file = dir.resolve("alert.txt");
        Files.writeString(file, SNOWFLAKE);
        Cli.Run run = Cli.run("", "triage", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Failure mode:   credential_expiry (confidence "), run.out());
        assertTrue(run.out().contains("Severity:       SEV2"));
        // 390114 is a session token: the catalogue says a re-run, which logs in again, is safe
        assertTrue(run.out().contains("Safe to re-run: yes — a new session authenticates again and gets a fresh token"), run.out());
        assertTrue(run.out().contains("Escalate to:    owning platform team"));
        assertTrue(run.out().contains("line 1  snowflake.connector.errors.ProgrammingError: 390114"), run.out());
        assertTrue(run.out().contains("rules: catalogue snowflake-error-codes: 390114; credential_expiry: "), run.out());
        assertTrue(run.out().contains("1. Snowflake"), "the Snowflake runbook comes first: " + run.out());
    }

    @Test
    void json_output_follows_the_contract() throws IOException {
        Cli.Run run = Cli.run(SNOWFLAKE, "triage", "--json", "--dry-run", "-");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("credential_expiry", json.get("failure_mode").asText());
        assertTrue(json.get("confidence").asDouble() > 0.5 && json.get("confidence").asDouble() <= 1);
        assertTrue(json.get("secondary").isArray());
        assertEquals("SEV2", json.get("severity").asText());
        assertEquals("owning platform team", json.get("escalate_to").asText());
        assertEquals("yes", json.get("safe_to_retry").asText(), "snowflake-error-codes.tsv: 390114 is a session token");
        assertEquals("a new session authenticates again and gets a fresh token", json.get("safe_to_retry_reason").asText());
        JsonNode evidence = json.get("evidence").get(0);
        assertEquals(1, json.get("evidence").size(), "one element per line: " + json.get("evidence"));
        assertTrue(evidence.get("rules").size() >= 2, "every rule on the line: " + evidence);
        assertEquals(evidence.get("rule").asText(), evidence.get("rules").get(0).asText(), "rule is the strongest of rules");
        assertEquals(1, evidence.get("line").asInt());
        assertTrue(evidence.get("text").asText().contains("390114"));
        assertTrue(evidence.get("rule").asText().startsWith("credential_expiry: ")
                || evidence.get("rule").asText().equals("catalogue snowflake-error-codes: 390114"), evidence.toString());
        assertTrue(json.has("decided_by") && json.get("nearest_cases").isArray());
        assertEquals("snowflake", json.get("entities").get("system").asText());
        JsonNode runbook = json.get("runbooks").get(0);
        for (String field : List.of("id", "title", "path", "failure_modes", "score", "snippet")) {
            assertTrue(runbook.has(field), "runbook field " + field);
        }
        assertTrue(runbook.get("path").asText().startsWith("runbooks/"));
        assertFalse(json.has("incident"), "no incident with --dry-run");
        assertFalse(json.has("id"), "id only in batch output");
    }

    @Test
    void a_wrong_password_says_no_with_its_reason_in_text_and_json() throws IOException {
        String login = "snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: "
                + "acme-xy12345.snowflakecomputing.com:443. Incorrect username or password was specified.";
        Cli.Run text = Cli.run(login, "triage", "--dry-run", "-");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Safe to re-run: no — repeated failed logins can lock the account"), text.out());
        JsonNode json = JSON.readTree(Cli.run(login, "triage", "--json", "--dry-run", "-").out());
        assertEquals("no", json.get("safe_to_retry").asText());
        assertEquals("repeated failed logins can lock the account", json.get("safe_to_retry_reason").asText());
    }

    @Test
    void a_recovery_notice_is_not_applicable_in_text_and_no_with_the_truth_in_json() throws IOException {
        String recovered = "[RESOLVED] KafkaConsumerGroupLagHigh (orders-enricher prod)\nconsumer lag recovered, back to normal";
        Cli.Run text = Cli.run(recovered, "triage", "--dry-run", "-");
        assertTrue(text.out().contains("Safe to re-run: not applicable (nothing failed)"), text.out());
        JsonNode json = JSON.readTree(Cli.run(recovered, "triage", "--json", "--dry-run", "-").out());
        assertEquals("no", json.get("safe_to_retry").asText(), "inside the contract's enum");
        assertEquals("not applicable: nothing failed", json.get("safe_to_retry_reason").asText());
    }

    @Test
    void each_evidence_line_is_shown_once_with_all_its_rules() throws IOException {
        Path example = Path.of("..", "examples", "airflow-s3-expired-token.txt");
        Cli.Run text = Cli.run("", "triage", "--dry-run", example.toString());
        assertEquals(0, text.exitCode(), text.err());
        List<String> shown = text.out().lines().filter(l -> l.startsWith("  line ")).toList();
        assertEquals(shown.stream().map(l -> l.split("  ")[1]).distinct().count(), shown.size(), "a line shown twice: " + shown);
        JsonNode json = JSON.readTree(Cli.run("", "triage", "--json", "--dry-run", example.toString()).out());
        List<Integer> lines = new java.util.ArrayList<>();
        json.get("evidence").forEach(e -> lines.add(e.get("line").asInt()));
        assertEquals(lines.stream().distinct().toList(), lines, "one element per line: " + json.get("evidence"));
        JsonNode first = json.get("evidence").get(0);
        assertEquals(26, first.get("line").asInt());
        List<String> rules = new java.util.ArrayList<>();
        first.get("rules").forEach(r -> rules.add(r.asText()));
        assertTrue(rules.containsAll(List.of("catalogue aws-error-codes: ExpiredToken", "credential_expiry: expired token error code",
                "credential_expiry: token or credential has expired")), rules.toString());
        assertEquals(rules.get(0), first.get("rule").asText());
        JsonNode entities = json.get("entities");
        assertEquals("airflow", entities.get("orchestrator").asText());
        assertEquals("1", entities.get("exit_code").asText());
        assertEquals("ExpiredToken", entities.get("error_code").asText());
    }

    @Test
    void batch_returns_one_result_per_line_in_order_and_goes_on_after_bad_lines() throws IOException {
        String input = String.join("\n",
                "{\"id\": \"a\", \"text\": \"psycopg2.errors.DeadlockDetected: deadlock detected\"}",
                "ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM is not json",
                "{\"id\": 7, \"message\": \"no text field\"}",
                "",
                "{\"id\": \"empty\", \"text\": \"   \"}",
                "{\"id\": \"b\", \"text\": \"java.lang.OutOfMemoryError: Java heap space\"}") + "\n";
        Cli.Run run = Cli.run(input, "triage", "--batch", "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        JsonNode a = JSON.readTree(lines.get(0));
        assertEquals("a", a.get("id").asText());
        assertEquals("lock_contention", a.get("failure_mode").asText());
        JsonNode notJson = JSON.readTree(lines.get(1));
        assertTrue(notJson.get("id").isNull());
        assertEquals(2, notJson.get("line").asInt());
        assertTrue(notJson.get("error").asText().startsWith("not valid JSON"));
        assertFalse(run.out().contains("ghp_EXAMPLE"), "a line that is not JSON is not echoed: " + notJson);
        JsonNode noText = JSON.readTree(lines.get(2));
        assertEquals(7, noText.get("id").asInt());
        assertEquals("missing string field \"text\"", noText.get("error").asText());
        assertTrue(JSON.readTree(lines.get(3)).get("error").asText().contains("empty"));
        assertEquals("resource_exhaustion", JSON.readTree(lines.get(4)).get("failure_mode").asText());
        assertTrue(run.err().contains("3 of 5 lines had errors"), run.err());
    }

    @Test
    void empty_input_is_a_reported_failure() {
        Cli.Run run = Cli.run(" \n\t\n", "triage");
        assertEquals(1, run.exitCode());
        assertEquals("triage: the alert is empty: paste the alert or log text, or pass a file with it", run.problems().strip());
        assertEquals("", run.out());
    }

    @Test
    void missing_file_directory_and_unknown_option_are_bad_usage() {
        Cli.Run missing = Cli.run("", "triage", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertEquals(2, Cli.run("", "triage", dir.toString()).exitCode());
        Cli.Run unknown = Cli.run("", "triage", "--jsn");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--jsn'"), unknown.err());
        assertFalse(unknown.err().contains("Exception"), "no stack trace");
    }

    @Test
    void five_mebibytes_of_input_are_cut_and_still_classified() {
        StringBuilder big = new StringBuilder("ERROR: deadlock detected\n");
        while (big.length() < (5 << 20)) {
            big.append("INFO - step ").append(big.length()).append(" done\n");
        }
        big.append("Process 18342 waits for ShareLock on transaction 99120348; blocked by process 18377.\n");
        Cli.Run run = Cli.run(big.toString(), "triage", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"failure_mode\" : \"lock_contention\""), run.out().substring(0, 300));
        assertTrue(run.out().contains("input larger than 1 MiB"));
    }

    @Test
    void binary_input_is_unknown_with_a_warning() {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Cli.Run run = Cli.run(Map.of(), noise, "triage");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Failure mode:   unknown"), run.out());
        assertTrue(run.out().contains("Warning: input looks binary"), run.out());
    }

    @Test
    void secrets_never_reach_text_or_json_output() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJldGwifQ.c2lnbmF0dXJl";
        List<String> secrets = List.of("AKIAIOSFODNN7EXAMPLE", "xoxb-1234567890-abcdefghijkl", "T000/B000/XXXXXXXXXXXX", jwt,
                "bearertokenvalue123", "MIIEowIBAAKCAQEA", "Sup3rS3cret", "hunter22", "jane.doe@example.com", "123-45-6789");
        String alert = String.join("\n",
                "botocore.exceptions.ClientError: An error occurred (ExpiredToken): The provided token has expired. key AKIAIOSFODNN7EXAMPLE",
                "slack xoxb-1234567890-abcdefghijkl https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX",
                "token " + jwt,
                "Authorization: Bearer bearertokenvalue123",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "-----END RSA PRIVATE KEY-----",
                "could not connect to postgresql://etl:Sup3rS3cret@db:5432/x",
                "password=hunter22 user jane.doe@example.com ssn 123-45-6789");
        for (String[] args : List.of(new String[] {"triage"}, new String[] {"triage", "--json"})) {
            Cli.Run run = Cli.run(alert, args);
            assertEquals(0, run.exitCode(), run.err());
            for (String secret : secrets) {
                assertFalse(run.out().contains(secret) || run.err().contains(secret), secret + " leaked in " + List.of(args));
            }
        }
    }

    @Test
    void broken_extra_rules_stop_triage_with_file_and_line() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), "package custom;\nimport dev.dataopsbot.rules.LogLine;\nrule \"x\"\nwhen\n  LogLine( lower contans \"a\" )\nthen\nend\n");
        Cli.Run run = Cli.run(SNOWFLAKE, "triage", "--rules", rules.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(rules.resolve("bad.drl") + ":5: "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void broken_runbook_in_a_user_folder_is_skipped_with_a_located_warning() throws IOException {
        Path runbooks = Files.createDirectory(dir.resolve("runbooks"));
        Files.copy(Path.of("..", "runbooks", "credential-expiry.md"), runbooks.resolve("credential-expiry.md"));
        Files.writeString(runbooks.resolve("broken.md"), "---\nid: broken\nfailure_modes: [timeout\n---\n## Symptoms\n");
        Cli.Run run = Cli.run(Map.of(), SNOWFLAKE.getBytes(StandardCharsets.UTF_8), "triage", "--runbooks", runbooks.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(runbooks.resolve("broken.md") + ":"), run.err());
        assertTrue(run.err().contains("runbook skipped"), run.err());
        assertTrue(run.out().contains("(" + runbooks.resolve("credential-expiry.md") + ")"), run.out());
    }

    @Test
    void misconfigured_environment_names_the_variable() {
        Cli.Run run = Cli.run(Map.of("DATAOPS_RUNBOOKS_DIR", dir.resolve("missing").toString()), new byte[0], "triage");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("triage: DATAOPS_RUNBOOKS_DIR / --runbooks: '"), run.err());
    }
}
