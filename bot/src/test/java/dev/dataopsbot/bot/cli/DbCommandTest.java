package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.knowledge.testdb.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db copy} into PostgreSQL and {@code db backup} on it, through the real command line. */
class DbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void an_sqlite_store_moves_into_postgresql_and_the_cli_lists_the_same_incidents_there() throws Exception {
        String data = dir.resolve("data").toString();
        for (String text : List.of("psycopg2.errors.DeadlockDetected: deadlock detected",
                "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.")) {
            assertEquals(0, Cli.run(text, "triage", "--data-dir", data, "-").exitCode());
        }
        String url = TestPostgres.freshDatabase();

        Cli.Run copy = Cli.run("", "db", "copy", "--data-dir", data, "--to", url);
        assertEquals(0, copy.exitCode(), copy.err());
        assertTrue(copy.out().contains("verified by counts: 2 incident"), copy.out());

        assertEquals(keys(Cli.run("", "incidents", "--json", "--data-dir", data)),
                keys(Cli.run(Map.of("DATAOPS_DATABASE_URL", url), new byte[0], "incidents", "--json")));
        Cli.Run again = Cli.run("", "db", "copy", "--data-dir", data, "--to", url);
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("has rows"), again.err());

        Cli.Run backup = Cli.run("", "db", "backup", "--to", dir.resolve("b.db").toString(), "--database-url", url);
        assertEquals(2, backup.exitCode());
        assertTrue(backup.err().contains("pg_dump"), backup.err());
    }

    @Test
    void a_bad_database_url_is_named_without_its_password() {
        Cli.Run run = Cli.run(Map.of("DATAOPS_DATABASE_URL", "postgresql://bot:very-secret-pw@db.example.com"), new byte[0],
                "incidents");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("DATAOPS_DATABASE_URL"), run.err());
        assertFalse(run.err().contains("very-secret-pw"), run.err());
        Cli.Run copy = Cli.run("", "db", "copy", "--to", "mysql://u:very-secret-pw@h/db");
        assertEquals(2, copy.exitCode());
        assertFalse(copy.err().contains("very-secret-pw"), copy.err());
    }

    private static List<String> keys(Cli.Run run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        List<String> keys = new ArrayList<>();
        JsonNode list = JSON.readTree(run.out());
        for (JsonNode incident : list.isArray() ? list : list.path("incidents")) {
            keys.add(incident.path("key").asText() + " " + incident.path("failure_mode").asText());
        }
        assertFalse(keys.isEmpty());
        return keys;
    }
}
