package dev.dataopsbot.knowledge.incident;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's {@code PRAGMA quick_check} on an existing database before anything is written to it:
 * a damaged file is refused with the fix (restore from a backup), so no command writes into it
 * and {@code serve} never reports ready on it. It reads the whole file (about 0.25 s for 230 MB).
 */
final class IntegrityCheck {

    private IntegrityCheck() {
    }

    static void require(Connection connection, Path file) throws SQLException {
        String first;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA quick_check(1)")) {
            first = rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            int primary = SqliteErrors.primaryCode(e);
            if (primary != 11 && primary != 26) {
                throw e;
            }
            first = "the file is damaged";
        }
        if (!"ok".equals(first)) {
            throw new StoreException(damaged(file, first));
        }
    }

    static String damaged(Path file, String problem) {
        return file + " failed SQLite's integrity check (" + problem.strip() + "): the database is damaged and nothing "
                + "was written to it. Restore it from a backup (`dataops-bot db backup --to FILE` makes one; copy the "
                + "backup over " + file.getFileName() + " while dataops-bot is stopped) or move it away to start a new store";
    }
}
