package dev.dataopsbot.knowledge.incident;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The database behind the incident store: by default an SQLite file in the data folder
 * ({@link SqliteEngine}), or a PostgreSQL database that several {@code serve} replicas share
 * ({@link PostgresEngine}). Either is migrated to the latest schema when opened, and refused with
 * a message naming it (never its password) when it cannot be used.
 *
 * <p>{@link #within} gives a view whose transactions give up at a deadline: the request paths
 * that must answer Slack within 3 s use one, so a database locked by another process costs them
 * at most their budget, never a slow 500.
 */
public final class IncidentDatabase implements AutoCloseable {

    public static final String FILE_NAME = "dataops.db";
    static final Duration BUSY_TIMEOUT = SqliteEngine.BUSY_TIMEOUT;

    private final StoreEngine engine;
    /** System.nanoTime() by which a transaction of this view must have started, or null: wait the busy timeout. */
    private final Long deadline;

    private IncidentDatabase(StoreEngine engine, Long deadline) {
        this.engine = engine;
        this.deadline = deadline;
    }

    /**
     * This database, with every transaction giving up {@code budget} from now when the lock is
     * still held elsewhere ({@link StoreBusyException}); for the work done before answering a request.
     */
    public IncidentDatabase within(Duration budget) {
        return new IncidentDatabase(engine, System.nanoTime() + budget.toNanos());
    }

    /** True when opening created a new, empty database (a new file, or the schema in an empty PostgreSQL database). */
    public boolean created() {
        return engine.created();
    }

    /** Opens (creating the folder and file when missing) and migrates the SQLite database in {@code dataDir}. */
    public static IncidentDatabase open(Path dataDir) {
        return open(dataDir, BUSY_TIMEOUT);
    }

    /**
     * As {@link #open(Path)}, waiting at most {@code busyTimeout} for another process's lock
     * before a command fails (tests use a short one).
     */
    static IncidentDatabase open(Path dataDir, Duration busyTimeout) {
        return new IncidentDatabase(SqliteEngine.open(dataDir, busyTimeout), null);
    }

    /**
     * Opens and migrates the PostgreSQL database at {@code url}, with a small connection pool.
     *
     * @param poolSize connections kept open (1 for a CLI command, a few for {@code serve})
     */
    public static IncidentDatabase open(PostgresUrl url, int poolSize) {
        return new IncidentDatabase(PostgresEngine.open(url, poolSize), null);
    }

    /** The SQLite file; empty on PostgreSQL. */
    public Optional<Path> file() {
        return engine.file();
    }

    /** For messages: the SQLite file's path, or the PostgreSQL URL without its password. */
    public String location() {
        return engine.location();
    }

    /** True on PostgreSQL, where several processes share the store. */
    public boolean shared() {
        return engine instanceof PostgresEngine;
    }

    /** How this engine writes the few expressions the two engines write differently. */
    public SqlDialect dialect() {
        return engine.dialect();
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return read("cannot read the schema version of", c -> engine instanceof PostgresEngine
                ? Migrations.POSTGRESQL.version(c) : Migrations.SQLITE.version(c));
    }

    /** The SQLite connection, for tests that look at the file from the inside. */
    Connection connection() {
        if (engine instanceof SqliteEngine sqlite) {
            return sqlite.connection();
        }
        throw new IllegalStateException("a PostgreSQL store has a pool, not one connection");
    }

    /** Work done on the connection inside {@link #write} or {@link #read}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction; writes are serialised (SQLite: {@code BEGIN
     * IMMEDIATE}; PostgreSQL: one transaction-scoped advisory lock), so that two processes never
     * both read and then write the same thing. Commits when it returns; rolls back when it throws,
     * so a failed command changes nothing.
     *
     * @param doing what the command does, for the error message ("cannot acknowledge INC-3 in")
     */
    <T> T write(String doing, SqlWork<T> work) {
        return engine.transaction(TransactionKind.WRITE, deadline, doing, work);
    }

    /**
     * Runs {@code work}, which changes one incident and locks its row first
     * ({@link IncidentRows#requireLocked}), in one write transaction. On SQLite the same as
     * {@link #write}; on PostgreSQL it waits only for writers of the same incident.
     */
    <T> T writeIncident(String doing, SqlWork<T> work) {
        return engine.transaction(TransactionKind.INCIDENT_WRITE, deadline, doing, work);
    }

    /**
     * Runs {@code work} in one read transaction: every statement sees the same snapshot. For
     * readers outside this package (reports, indexes); {@code work} must not write.
     *
     * @param doing what is being read, for the error message ("cannot build the report from")
     */
    public <T> T read(String doing, SqlWork<T> work) {
        return engine.transaction(TransactionKind.READ, deadline, doing, work);
    }

    /**
     * Proves the database can be written now: one write to {@code storage_probe}, giving up
     * after {@code budget}.
     *
     * @return empty when it could, else what is wrong, without the location (for {@code /healthz})
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
            return Optional.of(e.getCause() instanceof SQLException sql ? engine.problem(sql) : "the database cannot be written");
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
