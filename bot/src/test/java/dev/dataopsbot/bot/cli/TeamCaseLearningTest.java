package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance: a team teaches the bot an error code no rule knows. The CLI runs for
 * real on a SQLite store in a temp folder; each command is a fresh start, as on a laptop.
 */
class TeamCaseLearningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = """
            [inhouse-sync] job=nightly_export run=4411 host=etl-7
            ERROR ZX-4410 tenant mapping rejected for region eu-3 (batch 8812)
            sync aborted after 3 attempts
            """;
    private static final String NEXT = """
            [inhouse-sync] job=hourly_ledger run=9921 host=etl-2
            ERROR ZX-4410 tenant mapping rejected for region us-1 (batch 17)
            sync aborted after 3 attempts
            """;
    private static final String SUCCESS = """
            [inhouse-sync] job=hourly_ledger run=9922 host=etl-2
            INFO sync completed: 1204 rows written, 0 errors
            """;

    @TempDir
    Path dataDir;

    private Cli.Run cli(String stdin, String... args) {
        return Cli.run(Map.of("DATAOPS_DATA_DIR", dataDir.toString()), stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private JsonNode triage(String text) throws IOException {
        Cli.Run run = cli(text, "triage", "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void a_correction_teaches_the_next_alert_of_its_kind_and_nothing_else() throws IOException {
        JsonNode first = triage(FIRST);
        assertNotEquals("config_error", first.get("failure_mode").asText(), "no rule knows ZX-4410");
        String key = first.get("incident").get("key").asText();

        Cli.Run feedback = cli("", "incident", "feedback", key, "wrong", "--mode", "config_error", "--by", "U123");
        assertEquals(0, feedback.exitCode(), feedback.err());

        JsonNode next = triage(NEXT);
        assertEquals("config_error", next.get("failure_mode").asText(), next.toString());
        assertEquals("team case", next.get("decided_by").asText());
        JsonNode nearest = next.get("nearest_cases").get(0);
        assertEquals("corrected by U123 on " + key, nearest.get("source").asText());
        assertTrue(nearest.get("team").asBoolean());
        assertTrue(next.get("decision").asText().contains("corrected by U123 on " + key), next.get("decision").asText());

        Cli.Run text = cli(NEXT, "triage", "--dry-run", "-");
        assertTrue(text.out().contains("corrected by U123 on " + key), "the text names the correction: " + text.out());

        JsonNode success = triage(SUCCESS);
        assertEquals("unknown", success.get("failure_mode").asText(), success.toString());
    }

    @Test
    void confirming_keeps_the_case_and_removing_it_forgets() throws IOException {
        JsonNode first = triage(FIRST);
        String key = first.get("incident").get("key").asText();
        assertEquals(0, cli("", "incident", "feedback", key, "wrong", "--mode", "config_error", "--by", "U1").exitCode());
        Cli.Run list = cli("", "cases", "list");
        assertTrue(list.out().contains("TC-1") && list.out().contains("config_error"), list.out());

        assertEquals(0, cli("", "cases", "remove", "TC-1").exitCode());
        JsonNode after = triage(NEXT);
        assertNotEquals("team case", after.get("decided_by").asText(), "a removed case teaches nothing");
    }
}
