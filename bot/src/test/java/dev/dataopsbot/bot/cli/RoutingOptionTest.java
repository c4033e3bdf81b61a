package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --routing FILE} and {@code DATAOPS_ROUTING_FILE} on {@code triage}, {@code rules check} and {@code serve}. */
class RoutingOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A data-quality failure (SEV3, "dataset owner" by the taxonomy) of a finance dbt model, with a team label line. */
    private static final String DBT_TEST = """
            team: finance
            Failure in test not_null_ledger_entries_amount (models/finance/schema.yml)
              Got 12 results, configured to fail if != 0
            model: ledger_entries
            """;
    private static final String ROUTING = """
            routes:
              - name: finance ledger
                match:
                  failure_mode: [data_quality]
                  entities: {model: "ledger_.*"}
                  labels: {team: finance}
                notify:
                  mention: "<!subteam^S0123ABCD|finance-oncall>"
                  label: finance on-call
                tier: 1
            """;

    @TempDir
    Path dir;

    @Test
    void triage_json_shows_the_route_its_label_as_escalation_and_the_severity_after_the_floor() throws IOException {
        Path routing = write("routing.yaml", ROUTING);
        Cli.Run run = Cli.run(DBT_TEST, "triage", "--json", "--dry-run", "--routing", routing.toString(), "-");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("data_quality", json.get("failure_mode").asText(), run.out());
        assertEquals("SEV2", json.get("severity").asText(), "tier 1 puts a SEV2 floor under a SEV3");
        assertEquals("finance on-call", json.get("escalate_to").asText());
        JsonNode route = json.get("routing");
        assertEquals("finance ledger", route.get("route").asText());
        assertEquals("<!subteam^S0123ABCD|finance-oncall>", route.get("mention").asText());
        assertEquals(1, route.get("tier").asInt());
        assertEquals("SEV2", route.get("severity_floor").asText());
    }

    @Test
    void without_a_routing_file_triage_keeps_the_taxonomy_and_shows_no_routing() throws IOException {
        Cli.Run run = Cli.run(DBT_TEST, "triage", "--json", "--dry-run", "-");
        JsonNode json = JSON.readTree(run.out());
        assertEquals("SEV3", json.get("severity").asText());
        assertEquals("dataset owner", json.get("escalate_to").asText());
        assertFalse(json.has("routing"));
    }

    @Test
    void the_env_var_routes_too_and_the_text_output_shows_the_route() throws IOException {
        Path routing = write("routing.yaml", ROUTING);
        Cli.Run run = Cli.run(Map.of("DATAOPS_ROUTING_FILE", routing.toString()), DBT_TEST.getBytes(StandardCharsets.UTF_8),
                "triage", "--dry-run", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Severity:       SEV2"), run.out());
        assertTrue(run.out().contains("Escalate to:    finance on-call"), run.out());
        assertTrue(run.out().contains("Route:          finance ledger: notify <!subteam^S0123ABCD|finance-oncall>, tier 1, "
                + "severity floor SEV2"), run.out());
    }

    @Test
    void a_label_line_that_does_not_match_leaves_the_alert_unrouted() throws IOException {
        Path routing = write("routing.yaml", ROUTING);
        Cli.Run run = Cli.run(DBT_TEST.replace("team: finance", "team: marketing"), "triage", "--json", "--dry-run",
                "--routing", routing.toString(), "-");
        JsonNode json = JSON.readTree(run.out());
        assertFalse(json.has("routing"), run.out());
        assertEquals("SEV3", json.get("severity").asText());
    }

    @Test
    void rules_check_names_the_line_of_each_routing_problem_and_exits_1() throws IOException {
        Path bad = write("bad.yaml", """
                routes:
                  - name: finance
                    notify:
                      mentoin: "@finance-oncall"
                    severity_floor: SEV0
                """);
        Cli.Run run = Cli.run("", "rules", "check", "--routing", bad.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(bad + ":4: unknown key 'mentoin' in notify (known: mention, label)"), run.err());
        assertTrue(run.err().contains(bad + ":5: 'severity_floor' has severity 'SEV0'"), run.err());
        assertTrue(run.out().contains("2 problems in the bundled rules and " + bad), run.out());
    }

    @Test
    void rules_check_accepts_the_shipped_example_and_counts_its_routes() {
        Cli.Run run = Cli.run("", "rules", "check", "--routing", "../examples/routing.yaml");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().strip().matches("ok: the bundled rules compile \\(pack [0-9a-f]{12}\\); 13 error-code catalogues, \\d+ entries; "
                + "\\d+ examples for \\d+ rules and \\d+ catalogue entries(, \\d+ warnings)?; "
                + "\\.\\./examples/routing\\.yaml: 5 routes"), run.out());
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void a_broken_routing_file_stops_triage_and_serve_before_anything_runs() throws IOException {
        Path bad = write("bad.yaml", "routes:\n  - name: a\n    notify: {mention: \"<!here>\"}\n");
        Cli.Run triage = Cli.run(DBT_TEST, "triage", "--dry-run", "--routing", bad.toString(), "-");
        assertEquals(1, triage.exitCode());
        assertTrue(triage.err().contains("triage: the routing file has errors"), triage.err());
        assertTrue(triage.err().contains(bad + ":3: mention '<!here>' would notify everyone"), triage.err());
        assertEquals("", triage.out());

        Cli.Run serve = Cli.run(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", "s3cret",
                "DATAOPS_DATA_DIR", dir.resolve("data").toString(), "PORT", "39217"), new byte[0], "serve", "--routing", bad.toString());
        assertEquals(1, serve.exitCode(), serve.out() + serve.err());
        assertTrue(serve.err().contains(bad + ":3: mention '<!here>'"), serve.err());
    }

    @Test
    void a_missing_routing_file_is_bad_usage_naming_the_variable() {
        Cli.Run run = Cli.run(DBT_TEST, "triage", "--routing", dir.resolve("nope.yaml").toString(), "-");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("DATAOPS_ROUTING_FILE / --routing: '" + dir.resolve("nope.yaml") + "' is not a readable file"),
                run.err());
        assertEquals(2, Cli.run("", "rules", "check", "--routing", dir.resolve("nope.yaml").toString()).exitCode());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
