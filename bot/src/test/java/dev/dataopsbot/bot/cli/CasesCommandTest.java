package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNOWFLAKE = "[2026-11-25 03:12:09] {taskinstance.py:1937} ERROR - Task failed. dag_id=orders_daily task_id=load_orders\n"
            + "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.";
    private static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String CASES = """
            {"id": "dbt-001", "system": "dbt", "mode": "config_error", "text": "Compilation Error: profile 'analytics' not found in profiles.yml", "source": "https://example.org/dbt/1"}
            {"mode": "lock_contention", "text": "psycopg2.errors.DeadlockDetected: deadlock detected"}
            """;

    @TempDir
    Path dataDir;

    private Cli.Run run(String stdin, String... args) {
        return in(dataDir, stdin, args);
    }

    private static Cli.Run in(Path folder, String stdin, String... args) {
        return Cli.run(Map.of("DATAOPS_DATA_DIR", folder.toString()), stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private static List<JsonNode> lines(String jsonLines) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : jsonLines.lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    /** What a case teaches, whatever its key and provenance. */
    private static Set<String> lessons(List<JsonNode> cases) {
        return cases.stream().map(c -> c.get("mode").asText() + " | " + c.get("system").asText() + " | " + c.get("text").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void a_correction_becomes_a_team_case_that_list_and_show_name_with_its_provenance() throws Exception {
        run(SNOWFLAKE, "triage");
        assertEquals(0, run("", "incident", "feedback", "INC-1", "wrong", "--mode", "config_error").exitCode());

        Cli.Run list = run("", "cases", "list");
        assertEquals(0, list.exitCode(), list.err());
        List<String> rows = list.out().lines().toList();
        assertEquals(2, rows.size(), list.out());
        assertTrue(rows.get(0).startsWith("KEY"), list.out());
        assertTrue(rows.get(1).startsWith("TC-1    config_error           snowflake      correction   corrected by cli on INC-1 · "),
                list.out());
        assertTrue(rows.get(1).length() < 200, "the text is cut to its first line: " + rows.get(1));

        Cli.Run show = run("", "cases", "show", "TC-1");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Provenance:     corrected by cli on INC-1"), show.out());
        assertTrue(show.out().contains("Incident:       INC-1"), show.out());
        assertTrue(show.out().contains("Authentication token has expired."), "the text in full: " + show.out());

        JsonNode json = JSON.readTree(run("", "cases", "show", "tc-1", "--json").out());
        assertEquals("TC-1", json.get("id").asText());
        assertEquals("config_error", json.get("mode").asText());
        assertEquals("correction", json.get("origin").asText());
        assertEquals("INC-1", json.get("incident").asText());
        assertEquals("corrected by cli on INC-1", json.get("source").asText());
        JsonNode listed = JSON.readTree(run("", "cases", "list", "--json").out()).get("cases");
        assertEquals(1, listed.size());
        assertEquals("TC-1", listed.get(0).get("id").asText());
    }

    @Test
    void an_empty_store_says_how_cases_are_added() throws Exception {
        run(SNOWFLAKE, "triage");
        Cli.Run list = run("", "cases", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("no team cases yet; they are added by 'incident feedback KEY wrong --mode M' or 'cases import'\n", list.out());
        assertEquals(0, JSON.readTree(run("", "cases", "list", "--json").out()).get("cases").size());
        assertEquals("", run("", "cases", "export").out());
    }

    @Test
    void unknown_keys_fail_and_malformed_keys_are_bad_usage() {
        run(SNOWFLAKE, "triage");
        Cli.Run unknown = run("", "cases", "show", "TC-9");
        assertEquals(1, unknown.exitCode());
        assertEquals("show: no team case TC-9 (see `cases list` for the known keys)", unknown.err().strip());
        assertEquals(1, run("", "cases", "remove", "TC-9").exitCode());

        Cli.Run malformed = run("", "cases", "show", "INC-1");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().contains("'INC-1' is not a team case key; expected TC-<number>"), malformed.err());
        assertEquals(2, run("", "cases", "remove", "TC-0").exitCode());
        assertEquals(2, run("", "cases", "show").exitCode());
    }

    @Test
    void remove_deletes_the_case_and_says_which() {
        run(SNOWFLAKE, "triage");
        run("", "incident", "feedback", "INC-1", "wrong", "--mode", "config_error");
        Cli.Run remove = run("", "cases", "remove", "TC-1");
        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals("removed TC-1 (config_error in snowflake, corrected by cli on INC-1)\n", remove.out());
        assertEquals(1, run("", "cases", "show", "TC-1").exitCode());
        assertEquals(1, run("", "cases", "remove", "TC-1").exitCode());
        assertTrue(run("", "cases", "list").out().startsWith("no team cases yet"));
    }

    @Test
    void import_stores_valid_lines_and_keeps_id_and_source_as_the_note() throws Exception {
        Path file = dataDir.resolve("team-cases.jsonl");
        Files.writeString(file, CASES);
        Cli.Run imported = run("", "cases", "import", file.toString(), "--by", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals("imported 2 cases (0 skipped)\n", imported.out());

        List<JsonNode> cases = lines(run("", "cases", "export").out());
        assertEquals(2, cases.size());
        JsonNode dbt = cases.get(0);
        assertEquals("TC-1", dbt.get("id").asText());
        assertEquals("dbt", dbt.get("system").asText());
        assertEquals("team", dbt.get("family").asText());
        assertEquals("import", dbt.get("origin").asText());
        assertEquals("alice", dbt.get("added_by").asText());
        assertTrue(dbt.get("incident").isNull());
        assertEquals("imported by alice (dbt-001: https://example.org/dbt/1)", dbt.get("source").asText());
        assertEquals("team", cases.get(1).get("system").asText(), "a case without a system is the team's");
        assertEquals("imported by alice", cases.get(1).get("source").asText());
    }

    @Test
    void export_then_import_into_a_fresh_folder_gives_the_same_cases_and_reimport_adds_nothing() throws Exception {
        run(SNOWFLAKE, "triage");
        run("", "incident", "feedback", "INC-1", "wrong", "--mode", "config_error");
        run(CASES, "cases", "import", "-");
        Path file = dataDir.resolve("export.jsonl");
        Cli.Run export = run("", "cases", "export", file.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals("exported 3 cases to " + file + "\n", export.out());
        assertEquals(run("", "cases", "export", "-").out(), Files.readString(file), "a file and stdout get the same lines");

        Path fresh = dataDir.resolve("fresh");
        Cli.Run imported = in(fresh, "", "cases", "import", file.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals("imported 3 cases (0 skipped)\n", imported.out());
        assertEquals(lessons(lines(Files.readString(file))), lessons(lines(in(fresh, "", "cases", "export").out())));

        Cli.Run again = in(fresh, "", "cases", "import", file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("imported 0 cases (3 skipped: 3 already present)\n", again.out());
        Cli.Run home = run("", "cases", "import", file.toString());
        assertEquals("imported 0 cases (3 skipped: 3 already present)\n", home.out());
        assertEquals(3, lines(in(fresh, "", "cases", "export").out()).size());
        assertEquals(3, lines(run("", "cases", "export").out()).size());
    }

    @Test
    void bad_lines_are_named_by_file_and_line_and_the_good_ones_still_imported() throws Exception {
        Path file = dataDir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"mode\": \"config_error\", \"text\": \"KeyError: 'warehouse' missing from connection config\"}",
                "{\"mode\": \"config_error\", \"text\": ",
                "",
                "{\"id\": \"x-1\", \"mode\": \"cred_expiry\", \"text\": \"token expired\"}",
                "{\"id\": \"x-2\", \"mode\": \"timeout\"}",
                "[1, 2]",
                "{\"mode\": \"lock_contention\", \"text\": \"Lock wait timeout exceeded; try restarting transaction\"}",
                ""));
        Cli.Run run = run("", "cases", "import", file.toString());
        assertEquals(1, run.exitCode());
        List<String> problems = run.problems().lines().toList();
        assertEquals(4, problems.size(), run.err());
        assertTrue(problems.get(0).startsWith(file + ":2: not a JSON object"), run.err());
        assertTrue(problems.get(1).startsWith(file + ":4: unknown failure mode 'cred_expiry' (known: "), run.err());
        assertTrue(problems.get(1).contains("credential_expiry"), run.err());
        assertEquals(file + ":5: a case needs \"mode\" and \"text\"; this one has no \"text\"", problems.get(2));
        assertEquals(file + ":6: expected a JSON object", problems.get(3));
        assertEquals("imported 2 cases (4 skipped: 4 invalid)\n", run.out());
        assertEquals(2, lines(run("", "cases", "export").out()).size());
    }

    @Test
    void secrets_in_imported_text_are_redacted_before_they_are_stored() throws Exception {
        String line = "{\"id\": \"leak-1\", \"mode\": \"credential_expiry\", \"source\": \"https://ci.example.org/?token=" + GITHUB_TOKEN + "\", "
                + "\"text\": \"git clone failed: Bad credentials for " + GITHUB_TOKEN + "\\nconnect: password=hunter2secret rejected\"}\n";
        Cli.Run imported = run(line, "cases", "import", "-", "--by", "bob");
        assertEquals(0, imported.exitCode(), imported.err());

        String shown = run("", "cases", "show", "TC-1").out();
        String json = run("", "cases", "show", "TC-1", "--json").out();
        String exported = run("", "cases", "export").out();
        for (String read : List.of(shown, json, exported)) {
            assertFalse(read.contains(GITHUB_TOKEN), read);
            assertFalse(read.contains("hunter2secret"), read);
        }
        assertTrue(shown.contains("git clone failed: Bad credentials for"), shown);

        Cli.Run again = run(line, "cases", "import", "-");
        assertEquals("imported 0 cases (1 skipped: 1 already present)\n", again.out(), "redacted text is the identity");
        assertEquals("imported 0 cases (1 skipped: 1 already present)\n", run(exported, "cases", "import", "-").out());
    }

    @Test
    void reading_without_a_database_or_from_a_damaged_one_fails_with_the_file_named() throws Exception {
        Path empty = dataDir.resolve("typo");
        Cli.Run none = in(empty, "", "cases", "list");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("list: no incident database at " + empty.resolve("dataops.db")), none.err());
        assertFalse(Files.exists(empty));

        Files.writeString(dataDir.resolve("dataops.db"), "these are my notes, not a database\n");
        for (String[] args : List.of(new String[] {"cases", "list"}, new String[] {"cases", "export"},
                new String[] {"cases", "remove", "TC-1"}, new String[] {"cases", "import", "-"})) {
            Cli.Run run = run(CASES, args);
            assertEquals(1, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(dataDir.resolve("dataops.db") + " is not an SQLite database"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertEquals("these are my notes, not a database\n", Files.readString(dataDir.resolve("dataops.db")));
    }

    @Test
    void import_and_export_refuse_missing_files_and_folders_as_bad_usage() {
        Cli.Run missing = run("", "cases", "import", dataDir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("is not a file"), missing.err());
        assertEquals(2, run("", "cases", "import").exitCode());
        run(SNOWFLAKE, "triage");
        assertEquals(2, run("", "cases", "export", dataDir.resolve("no/such/folder.jsonl").toString()).exitCode());
        assertEquals(2, run("", "cases", "export", dataDir.toString()).exitCode());
    }

    @Test
    void every_option_is_documented_in_help() {
        for (String sub : List.of("list", "show", "remove", "export", "import")) {
            Cli.Run help = run("", "cases", sub, "--help");
            assertEquals(0, help.exitCode());
            assertTrue(help.out().contains("--data-dir"), help.out());
        }
        assertTrue(run("", "cases", "import", "--help").out().contains("--by=NAME"));
        assertTrue(run("", "cases", "list", "--help").out().contains("--json"));
        String top = run("", "--help").out();
        assertTrue(top.contains("cases"), top);
    }
}
