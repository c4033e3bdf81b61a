package dev.dataopsbot.knowledge.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConnection;

/**
 * A consistent copy of the incident database made with SQLite's online backup API while other
 * threads and processes keep writing, then checked with {@code PRAGMA integrity_check}.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    /**
     * Copies {@code database} to {@code target}, which must not exist.
     *
     * @return the size of the copy in bytes
     * @throws StoreException when the copy cannot be written or does not pass the integrity check
     *                        (the broken copy is deleted)
     */
    public static long copy(IncidentDatabase database, Path target) {
        if (Files.exists(target)) {
            throw new StoreException(target + " exists; a backup never overwrites a file");
        }
        database.read("cannot back up", c -> {
            c.unwrap(SQLiteConnection.class).getDatabase().backup("main", target.toAbsolutePath().toString(), null);
            return null;
        });
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
             Statement check = copy.createStatement();
             ResultSet rs = check.executeQuery("PRAGMA integrity_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                deleteQuietly(target);
                throw new StoreException("the backup " + target + " failed its integrity check (" + result + ") and was deleted");
            }
            return Files.size(target);
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new SqliteErrors(target, IncidentDatabase.BUSY_TIMEOUT).describe("cannot check the backup", e);
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error that made us delete it is the one to report
        }
    }
}
