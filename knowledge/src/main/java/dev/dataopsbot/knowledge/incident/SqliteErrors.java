package dev.dataopsbot.knowledge.incident;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into messages that say what is wrong with which file and what to do. */
final class SqliteErrors {

    private final Path file;
    private final Duration busyTimeout;

    /** @param busyTimeout how long a command waits for another process's lock, for the "locked" message */
    SqliteErrors(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    /** SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock. */
    static boolean isBusy(SQLException e) {
        int primary = primaryCode(e);
        return primary == 5 || primary == 6;
    }

    static int primaryCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xFF : -1;
    }

    StoreException describe(String doing, SQLException e) {
        int primary = primaryCode(e);
        if (primary == 5 || primary == 6) {
            return new StoreBusyException(doing + " " + file + ": the database is locked by another process (waited "
                    + waited() + "); nothing was written, try again", e);
        }
        String what = switch (primary) {
            case 8 -> "the database is read-only: check the permissions of the file and its folder";
            case 10 -> "an I/O error occurred reading or writing the file (disk full or failing?)";
            case 11 -> "the database file is corrupt: restore it from a backup (`db backup` makes one)";
            case 13 -> "the disk is full";
            case 14 -> "the file cannot be opened: check that the folder exists and is writable";
            case 26 -> "the file is not an SQLite database";
            default -> e.getMessage();
        };
        return new StoreException(doing + " " + file + ": " + what, e);
    }

    /** What is wrong, in a few words and without the file's path (for {@code /healthz}). */
    static String problem(SQLException e) {
        return switch (primaryCode(e)) {
            case 5, 6 -> "the database is locked by another process";
            case 8 -> "the database is read-only";
            case 10 -> "I/O error writing the database (disk full or failing?)";
            case 11, 26 -> "the database file is damaged";
            case 13 -> "the disk is full";
            case 14 -> "the database file cannot be opened";
            default -> "the database cannot be written";
        };
    }

    private String waited() {
        long millis = busyTimeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
