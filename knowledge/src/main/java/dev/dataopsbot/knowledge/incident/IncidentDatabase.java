package dev.dataopsbot.knowledge.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind the incident store ({@code DATA_DIR/dataops.db}): opened in WAL mode
 * with a busy timeout and foreign keys on, migrated to the latest schema on open. A file that is
 * not an SQLite database, a damaged one (it fails {@code PRAGMA quick_check}), a schema from a
 * newer version or a read-only location is refused with a message naming the file, before
 * anything is written, and the file is left as it was.
 *
 * <p>One connection serves every thread of the process. {@link #within} gives a view of it whose
 * transactions give up at a deadline: the request paths that must answer Slack within 3 s use
 * one, so a database locked by another process costs them at most their budget, never a slow 500.
 */
public final class IncidentDatabase implements AutoCloseable {

    public static final String FILE_NAME = "dataops.db";
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_PAUSE_MS = 20;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Shared shared;
    /** System.nanoTime() by which a transaction of this view must have started, or null: wait the busy timeout. */
    private final Long deadline;

    /** The connection, its lock and its current busy timeout, shared by every view. */
    private static final class Shared {
        final Connection connection;
        final SqliteErrors errors;
        final Duration busyTimeout;
        /** True when this open created the database file. */
        final boolean created;
        /** One connection serves every thread of this process; SQLite's locks order the processes. */
        final ReentrantLock lock = new ReentrantLock();
        /** The busy timeout the connection has now, in ms (guarded by lock). */
        long currentBusyMillis;

        Shared(Connection connection, SqliteErrors errors, Duration busyTimeout, boolean created) {
            this.connection = connection;
            this.created = created;
            this.errors = errors;
            this.busyTimeout = busyTimeout;
            this.currentBusyMillis = busyTimeout.toMillis();
        }
    }

    private IncidentDatabase(Path file, Shared shared, Long deadline) {
        this.file = file;
        this.shared = shared;
        this.deadline = deadline;
    }

    /**
     * This database, with every transaction giving up {@code budget} from now when the lock is
     * still held elsewhere ({@link StoreBusyException}); for the work done before answering a request.
     */
    public IncidentDatabase within(Duration budget) {
        return new IncidentDatabase(file, shared, System.nanoTime() + budget.toNanos());
    }

    /** True when opening created a new, empty database file (no file was at its path). */
    public boolean created() {
        return shared.created;
    }

    /** Opens (creating the folder and file when missing) and migrates the database in {@code dataDir}. */
    public static IncidentDatabase open(Path dataDir) {
        return open(dataDir, BUSY_TIMEOUT);
    }

    /**
     * As {@link #open(Path)}, waiting at most {@code busyTimeout} for another process's lock
     * before a command fails (tests use a short one).
     */
    static IncidentDatabase open(Path dataDir, Duration busyTimeout) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + reason(e)
                    + "; point DATAOPS_DATA_DIR/--data-dir at a writable folder", e);
        }
        boolean exists = Files.exists(file);
        if (exists) {
            requireSqlite(file);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StoreException("cannot " + (exists ? "open " : "create ") + file + ": the data folder is "
                    + "read-only (SQLite keeps its -wal and -shm files beside the database); make it writable or "
                    + "point DATAOPS_DATA_DIR/--data-dir elsewhere");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        SqliteErrors errors = new SqliteErrors(file, busyTimeout);
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        while (true) {
            Connection connection = null;
            try {
                connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                if (exists) {
                    IntegrityCheck.require(connection, file);
                }
                Migrations.apply(connection, file);
                return new IncidentDatabase(file, new Shared(connection, errors, busyTimeout, !exists), null);
            } catch (SQLException e) {
                closeQuietly(connection);
                // switching a new file to WAL needs an exclusive lock, and SQLite answers BUSY at once,
                // without its busy handler, while another connection opens the same new file
                if (!SqliteErrors.isBusy(e) || System.nanoTime() > deadline) {
                    throw errors.describe("cannot open the incident database", e);
                }
                pauseBeforeRetry();
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }
    }

    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to open the incident database", interrupted);
        }
    }

    /** An existing file must start with SQLite's header (an empty file is an empty database). */
    private static void requireSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            if (header.length > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(file + " is not an SQLite database; move it away or point "
                        + "DATAOPS_DATA_DIR/--data-dir elsewhere (the file was not changed)");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the open failed already; that error is the one to report
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return read("cannot read the schema version of", Migrations::version);
    }

    Connection connection() {
        return shared.connection;
    }

    /** Work done on the connection inside {@link #write} or {@link #read}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction, taken with {@code BEGIN IMMEDIATE} so that two
     * processes never both read and then fail to write. Commits when it returns; rolls back when
     * it throws, so a failed command changes nothing.
     *
     * @param doing what the command does, for the error message ("cannot acknowledge INC-3 in")
     */
    <T> T write(String doing, SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", doing, work);
    }

    /**
     * Runs {@code work} in one read transaction: every statement sees the same snapshot. For
     * readers outside this package (reports, indexes); {@code work} must not write.
     *
     * @param doing what is being read, for the error message ("cannot build the report from")
     */
    public <T> T read(String doing, SqlWork<T> work) {
        return inTransaction("BEGIN", doing, work);
    }

    private <T> T inTransaction(String begin, String doing, SqlWork<T> work) {
        lockWithin(doing);
        try (Statement tx = shared.connection.createStatement()) {
            busyTimeout(tx);
            tx.execute(begin);
            boolean committed = false;
            try {
                T result = work.run(shared.connection);
                tx.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(tx);
                }
            }
        } catch (SQLException e) {
            throw shared.errors.describe(doing, e);
        } finally {
            shared.lock.unlock();
        }
    }

    private void lockWithin(String doing) {
        if (deadline == null) {
            shared.lock.lock();
            return;
        }
        try {
            if (!shared.lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new StoreBusyException(doing + " " + file + ": the database is busy (another process holds its "
                        + "lock, or this one is waiting for it); nothing was written, try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted while waiting for the incident database", e);
        }
    }

    /** Sets the connection's busy timeout to what this view may still wait (the default for the plain view). */
    private void busyTimeout(Statement tx) throws SQLException {
        long millis = deadline == null ? shared.busyTimeout.toMillis()
                : Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (millis != shared.currentBusyMillis) {
            tx.execute("PRAGMA busy_timeout = " + millis);
            shared.currentBusyMillis = millis;
        }
    }

    /**
     * Proves the database can be written now: one write to {@code storage_probe}, giving up
     * after {@code budget}.
     *
     * @return empty when it could, else what is wrong, without the file's path (for {@code /healthz})
     */
    public Optional<String> probeWrite(Duration budget, Instant now) {
        try {
            within(budget).write("cannot write to", c -> {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO storage_probe (id, probed_at) VALUES (1, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at")) {
                    upsert.setString(1, UtcTimestamps.format(now));
                    upsert.executeUpdate();
                }
                return null;
            });
            return Optional.empty();
        } catch (StoreBusyException e) {
            return Optional.of("the database is locked by another process");
        } catch (StoreException e) {
            return Optional.of(e.getCause() instanceof SQLException sql ? SqliteErrors.problem(sql) : "the database cannot be written");
        }
    }

    private static void rollbackQuietly(Statement tx) {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite rolls back itself on some errors)
        }
    }

    @Override
    public void close() {
        try {
            shared.connection.close();
        } catch (SQLException e) {
            throw shared.errors.describe("cannot close", e);
        }
    }
}
