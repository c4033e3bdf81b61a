package dev.dataopsbot.knowledge.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Versioned schema migrations, one history for both engines: version n is {@code Vn__name.sql}
 * in {@code db/sqlite/} and in {@code db/postgresql/}, each written in its engine's SQL, and a
 * database at version n has the same tables and columns on either. They are applied in order
 * when the database opens; a database from a newer dataops-bot is refused, never touched.
 *
 * <p>Each migration runs in its own write transaction together with its version bump, so a crash
 * leaves the previous version intact, and a second process opening the same new database waits
 * for the first and then skips what it applied: on SQLite the transaction is {@code BEGIN
 * IMMEDIATE} and the version is {@code PRAGMA user_version}; on PostgreSQL a transaction-scoped
 * advisory lock orders the replicas and the version is the row of {@code schema_version}.
 *
 * <p>Why not Flyway, which the issue suggested: its SQLite support takes no lock ("SQLite does
 * not support locking. No concurrent migration supported", {@code SQLiteTable.doLock}), while
 * dataops-bot's commands and {@code serve} open the same SQLite file at the same time; existing
 * databases would need a baseline from {@code user_version}; and every CLI call would pay for
 * Flyway's start-up. This class is about a hundred lines and does what both engines need.
 */
final class Migrations {

    /** Migration i + 1 is SCRIPTS[i] in each engine's folder. Append only: never edit or reorder an applied migration. */
    private static final List<String> SCRIPTS = List.of("V1__incident_store.sql", "V2__triage_message.sql", "V3__delivery.sql",
            "V4__reply_confirmation.sql", "V5__team_case.sql", "V6__person_acknowledges.sql", "V7__rule_provenance.sql", "V8__reply_lease.sql",
            "V9__channel_lease.sql");
    private static final String FOLDER = "/dev/dataopsbot/knowledge/db/";
    /** The advisory lock key PostgreSQL migrations take (any constant shared by every replica). */
    private static final long POSTGRES_LOCK = 0x64617461_6f707331L;

    static final Migrations SQLITE = new Migrations("sqlite", "BEGIN IMMEDIATE", null);
    static final Migrations POSTGRESQL = new Migrations("postgresql", "BEGIN",
            "SELECT pg_advisory_xact_lock(" + POSTGRES_LOCK + ")");

    private final String engine;
    private final String begin;
    private final String lock;

    private Migrations(String engine, String begin, String lock) {
        this.engine = engine;
        this.begin = begin;
        this.lock = lock;
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /**
     * Brings the database to the latest version; returns the version it was at (as found under the
     * lock: 0 means this process created the schema).
     *
     * @param location the file or the URL without password, for messages
     */
    int apply(Connection connection, String location) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            int current = version(connection);
            if (current > latest()) {
                throw new StoreException(location + " has schema version " + current + ", newer than this dataops-bot knows ("
                        + latest() + "): use a newer dataops-bot; the database was not changed");
            }
            int seen = current;
            for (int next = current + 1; next <= latest(); next++) {
                int underLock = applyOne(connection, next);
                if (next == current + 1) {
                    seen = underLock;  // another process may have migrated while this one waited
                }
            }
            return seen;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Applies migration {@code next} unless the database is past it; returns the version seen under the lock. */
    private int applyOne(Connection connection, int next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // SQLite: IMMEDIATE makes another process opening the same new file wait here, then find it applied;
            // PostgreSQL: the advisory lock does the same for replicas starting together
            statement.execute(begin);
            boolean committed = false;
            try {
                if (lock != null) {
                    statement.execute(lock);
                }
                int seen = version(connection);
                if (seen < next) {
                    for (String sql : statements(read(SCRIPTS.get(next - 1)))) {
                        statement.execute(sql);
                    }
                    setVersion(statement, next);
                }
                statement.execute("COMMIT");
                committed = true;
                return seen;
            } finally {
                if (!committed) {
                    rollbackQuietly(statement);
                }
            }
        }
    }

    private void setVersion(Statement statement, int version) throws SQLException {
        if (lock == null) {
            statement.executeUpdate("PRAGMA user_version = " + version);
        } else {
            statement.executeUpdate("UPDATE schema_version SET version = " + version);
        }
    }

    private static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the engine rolled back already; the error that got us here is the one to report
        }
    }

    /** The version the database is at: 0 for a new one. */
    int version(Connection connection) throws SQLException {
        String sql = lock == null ? "PRAGMA user_version" : "SELECT version FROM schema_version";
        if (lock != null && !hasVersionTable(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Read from pg_tables with the statement's snapshot: a replica that waited on the migration lock
     * sees the table another replica just created (to_regclass reads the catalog cache, which an
     * advisory lock does not refresh).
     */
    private static boolean hasVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables "
                     + "WHERE schemaname = current_schema() AND tablename = 'schema_version')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** A script of this engine's folder. */
    String read(String script) {
        String resource = FOLDER + engine + "/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration " + resource, e);
        }
    }

    /**
     * The statements of a script: split at a ';' that ends a line, except inside a trigger body
     * ({@code BEGIN} ... {@code END;}) or a PostgreSQL dollar-quoted body ({@code $$ ... $$}).
     * Full-line {@code --} comments are dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        boolean inDollars = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!inDollars && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (countOf(line, "$$") % 2 == 1) {
                inDollars = !inDollars;
            }
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (!inDollars && upper.equals("BEGIN")) {
                inBody = true;
            } else if (inBody && upper.equals("END;")) {
                inBody = false;
            }
            if (!inBody && !inDollars && trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int countOf(String line, String token) {
        int count = 0;
        for (int at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }
}
