package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNOWFLAKE = "[2026-11-25 03:12:09] {taskinstance.py:1937} ERROR - Task failed. dag_id=orders_daily task_id=load_orders\n"
            + "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.";

    @TempDir
    Path dataDir;

    private Cli.Run run(String stdin, String... args) {
        return Cli.run(Map.of("DATAOPS_DATA_DIR", dataDir.toString()), stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void triage_opens_an_incident_and_a_repeat_updates_it() throws Exception {
        JsonNode first = JSON.readTree(run(SNOWFLAKE, "triage", "--json").out());
        assertEquals("INC-1", first.at("/incident/key").asText());
        assertTrue(first.at("/incident/new").asBoolean());
        assertTrue(first.get("similar_incidents").isArray());

        JsonNode second = JSON.readTree(run(SNOWFLAKE.replace("03:12:09", "04:12:09"), "triage", "--json").out());
        assertEquals("INC-1", second.at("/incident/key").asText());
        assertFalse(second.at("/incident/new").asBoolean());
        assertEquals("repeated", second.at("/incident/outcome").asText());
        assertEquals(2, second.at("/incident/alert_count").asInt());

        Cli.Run text = run(SNOWFLAKE, "triage");
        assertTrue(text.out().startsWith("Incident:       INC-1 (repeat of an open incident, 3 alerts)"), text.out());
    }

    @Test
    void a_vague_exit_code_and_a_chat_question_are_two_incidents_grouped_by_message_template() throws Exception {
        JsonNode vague = JSON.readTree(run("[2026-11-25 03:12:09] Task failed with exit code 1", "triage", "--json").out());
        JsonNode chat = JSON.readTree(run("hey, is anyone else seeing the revenue dashboard being stale since this morning?",
                "triage", "--json").out());
        JsonNode vagueAgain = JSON.readTree(run("[2026-11-26 11:00:00] Task failed with exit code 2", "triage", "--json").out());
        assertEquals("INC-1", vague.at("/incident/key").asText());
        assertEquals("INC-2", chat.at("/incident/key").asText());
        assertEquals("INC-1", vagueAgain.at("/incident/key").asText());

        Cli.Run show = run("", "incident", "show", "INC-1");
        assertTrue(show.out().contains("Template:       task failed with exit code <n>"), show.out());
        assertTrue(show.out().contains("Source:         no pipeline object named"), show.out());
    }

    @Test
    void a_success_notice_and_binary_input_open_no_incident_and_say_why() throws Exception {
        JsonNode success = JSON.readTree(run("DAG run orders_daily scheduled__2024-05-13T04:00:00+00:00 succeeded",
                "triage", "--json").out());
        assertTrue(success.has("incident") && success.get("incident").isNull(), success.toString());
        assertTrue(success.get("no_incident_reason").asText().startsWith("a success or recovery notice"), success.toString());
        assertEquals("not applicable: nothing failed", success.get("safe_to_retry_reason").asText(), success.toString());

        Cli.Run text = run("[RESOLVED] KafkaConsumerLagHigh orders-sink", "triage");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Incident:       none recorded: a success or recovery notice ('[RESOLVED]')"),
                text.out());

        byte[] noise = new byte[50_000];
        new java.util.Random(7).nextBytes(noise);
        Cli.Run binary = Cli.run(Map.of("DATAOPS_DATA_DIR", dataDir.toString()), noise, "triage", "--json");
        assertTrue(JSON.readTree(binary.out()).get("no_incident_reason").asText().contains("not text"), binary.out());

        JsonNode incidents = JSON.readTree(run("", "incidents", "--json").out()).get("incidents");
        assertEquals(0, incidents.size(), incidents.toString());
    }

    @Test
    void a_pii_exposure_in_a_run_that_succeeded_or_a_resolved_dlp_finding_is_always_recorded() throws Exception {
        for (String text : java.util.List.of(
                "Resolved: DLP scan found 3 US social security numbers (e.g. 123-45-6789) in s3://acme-exports/customers.csv",
                "Task succeeded. Exported 1,204 rows to the public bucket; DLP found credit card numbers 4111 1111 1111 1111 in column notes")) {
            JsonNode json = JSON.readTree(run(text, "triage", "--json").out());
            if (json.get("failure_mode").asText().equals("pii_exposure")) {
                assertTrue(json.get("incident").isObject(), "a PII exposure opens an incident: " + json);
            }
        }
        for (String id : java.util.List.of("pii_exposure-1", "pii_exposure-2", "pii_exposure-3", "pii_exposure-4")) {
            String text = samples().get(id);
            JsonNode json = JSON.readTree(run(text, "triage", "--json").out());
            assertEquals("pii_exposure", json.get("failure_mode").asText(), id);
            assertTrue(json.get("incident").isObject(), id + " opens an incident: " + json);
        }
    }

    private static java.util.Map<String, String> samples() throws java.io.IOException {
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (String line : Files.readAllLines(java.nio.file.Path.of("..", "rules", "src", "test", "resources", "samples",
                "triage-samples.jsonl"))) {
            JsonNode sample = JSON.readTree(line);
            texts.put(sample.get("id").asText(), sample.get("text").asText());
        }
        return texts;
    }

    @Test
    void a_recovery_notice_names_the_open_incident_of_its_pipeline_and_changes_nothing() throws Exception {
        run(SNOWFLAKE, "triage");
        JsonNode recovery = JSON.readTree(run("Task succeeded. dag_id=orders_daily task_id=load_orders", "triage", "--json").out());
        assertTrue(recovery.get("incident").isNull(), recovery.toString());
        assertTrue(recovery.get("no_incident_reason").asText().contains("INC-1 about the same pipeline is still open"),
                recovery.toString());
        assertEquals("open", JSON.readTree(run("", "incidents", "--json").out()).at("/incidents/0/status").asText());
    }

    @Test
    void the_first_triage_into_a_folder_says_it_created_a_new_database_and_the_next_does_not() {
        Cli.Run first = run(SNOWFLAKE, "triage");
        assertTrue(first.err().contains("created a new, empty incident database at "
                + dataDir.resolve("dataops.db").toAbsolutePath()), first.err());
        Cli.Run second = run(SNOWFLAKE, "triage");
        assertFalse(second.err().contains("created a new"), second.err());
    }

    @Test
    void dry_run_records_nothing() {
        assertEquals(0, run(SNOWFLAKE, "triage", "--dry-run").exitCode());
        assertFalse(Files.exists(dataDir.resolve("dataops.db")));
    }

    @Test
    void batch_records_every_line() throws Exception {
        String batch = "{\"id\": 1, \"text\": \"psycopg2.errors.DeadlockDetected: deadlock detected\"}\n"
                + "{\"id\": 2, \"text\": \"psycopg2.errors.DeadlockDetected: deadlock detected\"}\n";
        Cli.Run run = run(batch, "triage", "--batch", "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        for (String line : run.out().lines().toList()) {
            assertEquals("INC-1", JSON.readTree(line).at("/incident/key").asText(), line);
        }
        JsonNode incidents = JSON.readTree(run("", "incidents", "--json").out()).get("incidents");
        assertEquals(1, incidents.size());
        assertEquals(2, incidents.get(0).get("alert_count").asInt());
    }

    @Test
    void the_lifecycle_runs_from_the_command_line() throws Exception {
        run(SNOWFLAKE, "triage");
        assertEquals("INC-1 acknowledged by alice · acknowledged · SEV2 · credential_expiry in snowflake: orders_daily.load_orders\n",
                run("", "incident", "ack", "INC-1", "--by", "alice").out());
        assertEquals(0, run("", "incident", "sev", "INC-1", "sev1", "--reason", "finance close", "--by", "alice").exitCode());
        assertEquals(0, run("", "incident", "update", "INC-1", "rotating", "the", "key", "--impact-started", "2026-11-25T02:00:00Z").exitCode());
        assertEquals(0, run("", "incident", "note", "INC-1", "orders dashboard stale; token=abc123secret", "--impact").exitCode());
        assertEquals(0, run("", "incident", "action", "INC-1", "alert", "on", "key", "age", "--owner", "bob").exitCode());
        assertEquals(0, run("", "incident", "mitigate", "INC-1", "paused", "the", "DAG").exitCode());
        assertEquals(0, run("", "incident", "resolve", "INC-1", "rotated", "the", "key", "pair", "--by", "alice").exitCode());
        assertEquals(0, run("", "incident", "feedback", "INC-1", "right", "spot", "on").exitCode());
        assertEquals(2, run("", "incident", "feedback", "INC-1", "maybe").exitCode());
        assertEquals(2, run("", "incident", "feedback", "INC-1", "wrong", "--mode", "gremlins").exitCode());

        JsonNode shown = JSON.readTree(run("", "incident", "show", "INC-1", "--json").out());
        assertEquals("resolved", shown.get("status").asText());
        assertEquals("SEV1", shown.get("severity").asText());
        assertEquals("2026-11-25T02:00:00.000Z", shown.get("impact_started_at").asText());
        assertTrue(shown.at("/metrics/time_to_resolve_seconds").isNumber());
        List<String> kinds = JSON.readerForListOf(JsonNode.class).<List<JsonNode>>readValue(shown.get("timeline"))
                .stream().map(e -> e.get("kind").asText()).toList();
        assertEquals(List.of("alert_received", "classified", "runbook_suggested", "acknowledged", "severity_changed",
                "status_update", "note", "action_item", "mitigated", "resolved", "feedback"), kinds);
        assertFalse(shown.toString().contains("abc123secret"), "notes are redacted before they are stored");
        assertEquals("bob", shown.at("/timeline/7/detail/owner").asText());
        assertEquals("right", shown.get("confirmed").asText());
        assertEquals("credential_expiry", shown.get("confirmed_mode").asText());
        assertTrue(shown.has("decided_rule") && shown.has("rule_pack"), shown.toString());

        Cli.Run text = run("", "incident", "show", "INC-1");
        assertTrue(text.out().contains("Status:         resolved"), text.out());
        assertTrue(text.out().contains("\nFeedback:       right\n"), text.out());
        assertTrue(text.out().contains("action_item       cli: alert on key age (owner bob)"), text.out());
    }

    @Test
    void the_confirmation_does_not_echo_a_secret_given_as_actor_or_owner() {
        run(SNOWFLAKE, "triage");
        Cli.Run action = run("", "incident", "action", "INC-1", "rotate the key", "--owner", "bob password=hunter2x",
                "--by", "alice token=abc123secretX");
        assertEquals(0, action.exitCode(), action.err());
        assertFalse(action.out().contains("hunter2x") || action.out().contains("abc123secretX"), action.out());
    }

    @Test
    void refused_transitions_and_unknown_keys_exit_1_and_change_nothing() throws Exception {
        run(SNOWFLAKE, "triage");
        run("", "incident", "resolve", "INC-1", "fixed");
        String before = run("", "incident", "show", "INC-1", "--json").out();

        Cli.Run again = run("", "incident", "resolve", "INC-1", "fixed", "again");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().startsWith("resolve: INC-1 is already resolved"), again.err());
        Cli.Run unknown = run("", "incident", "ack", "INC-42");
        assertEquals(1, unknown.exitCode());
        assertEquals("ack: no incident INC-42 (see `incidents` for the known keys)", unknown.err().strip());
        assertEquals(1, run("", "incident", "sev", "INC-1", "SEV7").exitCode());

        assertEquals(before, run("", "incident", "show", "INC-1", "--json").out());
    }

    @Test
    void malformed_keys_and_missing_text_are_bad_usage() {
        Cli.Run bad = run("", "incident", "ack", "INC-x");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'INC-x' is not an incident key; expected INC-<number>"), bad.err());
        assertEquals(2, run("", "incident", "note", "INC-1").exitCode());
        assertEquals(2, run("", "incident", "update", "INC-1", "x", "--impact-started", "yesterday").exitCode());
    }

    @Test
    void reading_a_folder_without_a_database_says_so_and_creates_nothing() {
        Path empty = dataDir.resolve("typo");
        Cli.Run run = Cli.run(Map.of(), new byte[0], "incidents", "--data-dir", empty.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("incidents: no incident database at " + empty.resolve("dataops.db")), run.err());
        assertFalse(Files.exists(empty));
    }

    @Test
    void a_file_that_is_not_a_database_is_named_and_left_alone() throws Exception {
        Files.writeString(dataDir.resolve("dataops.db"), "these are my notes, not a database\n");
        Cli.Run run = run(SNOWFLAKE, "triage");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(dataDir.resolve("dataops.db") + " is not an SQLite database"), run.err());
        assertEquals("these are my notes, not a database\n", Files.readString(dataDir.resolve("dataops.db")));
    }

    @Test
    void incidents_lists_newest_first_and_filters_open() throws Exception {
        run(SNOWFLAKE, "triage");
        run("psycopg2.errors.DeadlockDetected: deadlock detected", "triage");
        run("", "incident", "resolve", "INC-1", "fixed");

        Cli.Run all = run("", "incidents");
        List<String> lines = all.out().lines().toList();
        assertTrue(lines.get(0).startsWith("KEY"), all.out());
        assertTrue(lines.get(1).startsWith("INC-2     open"), all.out());
        assertTrue(lines.get(2).startsWith("INC-1     resolved"), all.out());
        JsonNode open = JSON.readTree(run("", "incidents", "--open", "--json").out()).get("incidents");
        assertEquals(1, open.size());
        assertEquals("INC-2", open.get(0).get("key").asText());
    }

    @Test
    void backup_copies_a_consistent_database_and_never_overwrites() throws Exception {
        run(SNOWFLAKE, "triage");
        Path copy = dataDir.resolve("backup.db");
        Cli.Run backup = run("", "db", "backup", "--to", copy.toString());
        assertEquals(0, backup.exitCode(), backup.err());
        assertTrue(backup.out().startsWith("backed up "), backup.out());

        Cli.Run fromCopy = Cli.run(Map.of(), new byte[0], "incidents", "--data-dir", dataDir.toString());
        assertTrue(fromCopy.out().contains("INC-1"), fromCopy.out());
        Path restored = Files.createDirectory(dataDir.resolve("restored"));
        Files.copy(copy, restored.resolve("dataops.db"));
        assertTrue(Cli.run(Map.of(), new byte[0], "incidents", "--data-dir", restored.toString()).out().contains("INC-1"));

        Cli.Run again = run("", "db", "backup", "--to", copy.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("exists"), again.err());
    }

    @Test
    void a_resolved_incident_is_offered_as_similar_to_the_next_alert_and_in_its_summary() throws Exception {
        run(SNOWFLAKE, "triage");
        run("", "incident", "resolve", "INC-1", "rotated", "the", "key", "pair");
        JsonNode next = JSON.readTree(run(SNOWFLAKE.replace("load_orders", "load_customers"), "triage", "--json").out());
        assertEquals("INC-2", next.at("/incident/key").asText());
        JsonNode similar = next.get("similar_incidents").get(0);
        assertEquals("INC-1", similar.get("key").asText());
        assertEquals("credential_expiry", similar.get("failure_mode").asText());
        assertEquals("rotated the key pair", similar.get("resolution").asText());
        assertTrue(similar.has("resolved_in_minutes") && similar.get("score").asDouble() > 0, similar.toString());

        run("", "incident", "resolve", "INC-2", "same fix");
        Path file = dataDir.resolve("INC-2.md");
        Cli.Run summary = run("", "summary", "INC-2", "--out", file.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        String markdown = Files.readString(file);
        assertTrue(markdown.startsWith("# INC-2: credential_expiry in snowflake: orders_daily.load_customers"), markdown);
        assertTrue(markdown.contains("INC-1"), "the similar past incident is listed: " + markdown);
        assertEquals(markdown, run("", "summary", "INC-2").out(), "the same timeline gives the same summary");
        assertTrue(run("", "incident", "show", "INC-2").out().contains("summary_generated"));
    }

    @Test
    void report_lists_modes_open_incidents_and_noisy_fingerprints_as_text_and_json() throws Exception {
        run(SNOWFLAKE, "triage");
        run(SNOWFLAKE, "triage");
        run("psycopg2.errors.DeadlockDetected: deadlock detected", "triage");
        run("", "incident", "resolve", "INC-2", "killed the blocking session");

        Cli.Run text = run("", "report", "--since", "30d");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("credential_expiry"), text.out());
        assertTrue(text.out().contains("Open incidents: 1"), text.out());
        JsonNode json = JSON.readTree(run("", "report", "--json").out());
        assertTrue(json.toString().contains("\"credential_expiry\""), json.toString());
        assertEquals(2, run("", "report", "--since", "last tuesday").exitCode());
        assertEquals(1, run("", "summary", "INC-9").exitCode());
    }
}
