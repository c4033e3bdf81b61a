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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind the incident store ({@code DATA_DIR/dataops.db}), the embedded default:
 * opened in WAL mode with a busy timeout and foreign keys on, migrated to the latest schema on
 * open. A file that is not an SQLite database, a damaged one (it fails {@code PRAGMA quick_check}),
 * a schema from a newer version or a read-only location is refused with a message naming the
 * file, before anything is written, and the file is left as it was.
 *
 * <p>One connection serves every thread of the process; SQLite's locks order the processes. A write
 * transaction is taken with {@code BEGIN IMMEDIATE} so that two processes never both read and then
 * fail to write.
 */
final class SqliteEngine implements StoreEngine {

    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_PAUSE_MS = 20;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final SqliteErrors errors;
    private final Duration busyTimeout;
    private final boolean created;
    private final ReentrantLock lock = new ReentrantLock();
    /** The busy timeout the connection has now, in ms (guarded by lock). */
    private long currentBusyMillis;

    private SqliteEngine(Path file, Connection connection, SqliteErrors errors, Duration busyTimeout, boolean created) {
        this.file = file;
        this.connection = connection;
        this.errors = errors;
        this.busyTimeout = busyTimeout;
        this.created = created;
        this.currentBusyMillis = busyTimeout.toMillis();
    }

    /** Opens (creating the folder and file when missing) and migrates the database in {@code dataDir}. */
    static SqliteEngine open(Path dataDir, Duration busyTimeout) {
        Path file = dataDir.resolve(IncidentDatabase.FILE_NAME);
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
                Migrations.SQLITE.apply(connection, file.toString());
                return new SqliteEngine(file, connection, errors, busyTimeout, !exists);
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

    @Override
    public <T> T transaction(TransactionKind kind, Long deadline, String doing, IncidentDatabase.SqlWork<T> work) {
        lockWithin(deadline, doing);
        try (Statement tx = connection.createStatement()) {
            busyTimeout(tx, deadline);
            tx.execute(kind == TransactionKind.READ ? "BEGIN" : "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                tx.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(tx);
                }
            }
        } catch (SQLException e) {
            throw errors.describe(doing, e);
        } finally {
            lock.unlock();
        }
    }

    private void lockWithin(Long deadline, String doing) {
        if (deadline == null) {
            lock.lock();
            return;
        }
        try {
            if (!lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new StoreBusyException(doing + " " + file + ": the database is busy (another process holds its "
                        + "lock, or this one is waiting for it); nothing was written, try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted while waiting for the incident database", e);
        }
    }

    /** Sets the connection's busy timeout to what this view may still wait (the default for the plain view). */
    private void busyTimeout(Statement tx, Long deadline) throws SQLException {
        long millis = deadline == null ? busyTimeout.toMillis()
                : Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (millis != currentBusyMillis) {
            tx.execute("PRAGMA busy_timeout = " + millis);
            currentBusyMillis = millis;
        }
    }

    private static void rollbackQuietly(Statement tx) {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite rolls back itself on some errors)
        }
    }

    /** The connection, for tests that look at the file from the inside. */
    Connection connection() {
        return connection;
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    @Override
    public String problem(SQLException e) {
        return SqliteErrors.problem(e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw errors.describe("cannot close", e);
        }
    }
}
