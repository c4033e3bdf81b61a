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

    private static int primaryCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xFF : -1;
    }

    StoreException describe(String doing, SQLException e) {
        int primary = primaryCode(e);
        String what = switch (primary) {
            case 5, 6 -> "the database is locked by another process (waited " + waited()
                    + "); nothing was written, try again";
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

    private String waited() {
        long millis = busyTimeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
