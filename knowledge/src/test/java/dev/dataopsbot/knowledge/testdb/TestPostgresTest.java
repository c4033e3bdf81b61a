package dev.dataopsbot.knowledge.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each fresh database is a database of its own on the test server, and starts empty. */
class TestPostgresTest {

    @AfterAll
    static void dropDatabases() {
        TestPostgres.dropCreatedDatabases();
    }

    @Test
    void two_fresh_databases_are_distinct_and_empty_and_a_table_made_in_one_is_not_in_the_other() throws SQLException {
        String first = TestPostgres.freshDatabase();
        String second = TestPostgres.freshDatabase();

        assertNotEquals(first, second);
        assertTrue(first.startsWith("postgresql://") && first.contains("/t_testpostgrestest_"), first);
        try (Connection a = TestPostgres.connect(first); Connection b = TestPostgres.connect(second)) {
            assertNotEquals(currentDatabase(a), currentDatabase(b));
            assertEquals(0, userTables(a), first);
            assertEquals(0, userTables(b), second);

            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE incident (id bigint PRIMARY KEY, title text NOT NULL)");
                s.execute("INSERT INTO incident VALUES (1, 'credential_expiry in snowflake')");
            }
            assertEquals(1, userTables(a));
            assertEquals(0, userTables(b), "a table made in " + first + " shows in " + second);
            try (Statement s = a.createStatement(); ResultSet rows = s.executeQuery("SELECT title FROM incident")) {
                assertTrue(rows.next());
                assertEquals("credential_expiry in snowflake", rows.getString(1));
            }
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int userTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
