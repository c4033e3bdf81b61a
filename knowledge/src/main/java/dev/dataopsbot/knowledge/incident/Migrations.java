package dev.dataopsbot.knowledge.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Versioned schema migrations, applied in order when the database opens. The applied version is
 * {@code PRAGMA user_version}; each migration runs in its own write transaction together with
 * the version bump, so a crash leaves the previous version intact and a second process opening
 * the same new file waits, then skips what the first applied. A database from a newer
 * dataops-bot is refused, never touched.
 */
final class Migrations {

    private static final String FOLDER = "/dev/dataopsbot/knowledge/db/";
    /** Migration i + 1 is SCRIPTS[i]. Append only: never edit or reorder an applied migration. */
    private static final List<String> SCRIPTS = List.of("V1__incident_store.sql", "V2__triage_message.sql", "V3__delivery.sql",
            "V4__reply_confirmation.sql", "V5__team_case.sql", "V6__person_acknowledges.sql",
            "V7__rule_provenance.sql");

    static int latest() {
        return SCRIPTS.size();
    }

    /** Brings the database to the latest version; returns the version it was at. */
    static int apply(Connection connection, Path file) throws SQLException {
        int current = version(connection);
        if (current > latest()) {
            throw new StoreException(file + " has schema version " + current + ", newer than this dataops-bot knows ("
                    + latest() + "): use a newer dataops-bot; the file was not changed");
        }
        for (int next = current + 1; next <= latest(); next++) {
            String script = SCRIPTS.get(next - 1);
            try (Statement statement = connection.createStatement()) {
                // IMMEDIATE: another process opening the same new file waits here, then finds it applied
                statement.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    if (version(connection) < next) {
                        for (String sql : statements(read(script))) {
                            statement.executeUpdate(sql);
                        }
                        statement.executeUpdate("PRAGMA user_version = " + next);
                    }
                    statement.execute("COMMIT");
                    committed = true;
                } finally {
                    if (!committed) {
                        rollbackQuietly(statement);
                    }
                }
            }
        }
        return current;
    }

    private static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite rolled back already; the error that got us here is the one to report
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration " + script, e);
        }
    }

    /**
     * The statements of a script: split at a ';' that ends a line, except inside a trigger body
     * ({@code BEGIN} ... {@code END;}). Full-line {@code --} comments are dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN")) {
                inBody = true;
            } else if (inBody && upper.equals("END;")) {
                inBody = false;
            }
            if (!inBody && trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
