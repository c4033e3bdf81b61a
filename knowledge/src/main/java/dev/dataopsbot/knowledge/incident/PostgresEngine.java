package dev.dataopsbot.knowledge.incident;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * A PostgreSQL database (13 or newer) behind the incident store, shared by several processes:
 * a small connection pool (HikariCP), one connection per transaction.
 *
 * <p>Write transactions are serialised across every replica by one transaction-scoped advisory
 * lock, which keeps SQLite's semantics (a read-then-write such as "find the open incident with
 * this fingerprint, else open one" never races another replica); a change to one incident locks
 * only its row ({@link TransactionKind#INCIDENT_WRITE}), and the writes that update an incident
 * they looked up lock its row too, so the two kinds order on the row. Read transactions are
 * {@code REPEATABLE READ}: every statement sees one snapshot. A view with a deadline sets
 * {@code lock_timeout} to what it may still wait.
 */
final class PostgresEngine implements StoreEngine {

    /** The key of the write lock (any constant shared by every replica; not the migrations' key). */
    private static final long WRITE_LOCK = 0x64617461_6f707357L;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a transaction waits for a connection of the pool: short, so that while the server is
     * unreachable a request answers 503 within Slack's 3 s and {@code /healthz} says so quickly.
     */
    static final Duration POOL_WAIT = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final PostgresErrors errors;
    private final String location;
    private final boolean created;

    private PostgresEngine(HikariDataSource pool, String location, boolean created) {
        this.pool = pool;
        this.location = location;
        this.errors = new PostgresErrors(location);
        this.created = created;
    }

    /** Connects, and migrates the database to the latest schema. */
    static PostgresEngine open(PostgresUrl url, int poolSize) {
        String location = url.toString();
        PostgresErrors errors = new PostgresErrors(location);
        HikariConfig config = new HikariConfig();
        config.setPoolName("dataops-store");
        config.setJdbcUrl(url.jdbcUrl());
        if (!url.user().isEmpty()) {
            config.setUsername(url.user());
        }
        if (!url.password().isEmpty()) {
            config.setPassword(url.password());
        }
        config.setMaximumPoolSize(Math.max(1, poolSize));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        config.setInitializationFailTimeout(1);  // one attempt: a command that cannot connect says so at once
        config.addDataSourceProperty("ApplicationName", "dataops-bot");
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException sql ? errors.describe("cannot open the incident database", sql)
                    : new StoreException("cannot open the incident database " + location + ": the connection pool did not start", e);
        }
        try (Connection connection = pool.getConnection()) {
            int was = Migrations.POSTGRESQL.apply(connection, location);
            return new PostgresEngine(pool, location, was == 0);
        } catch (SQLException e) {
            pool.close();
            throw errors.describe("cannot open the incident database", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public <T> T transaction(TransactionKind kind, Long deadline, String doing, IncidentDatabase.SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                try (Statement tx = connection.createStatement()) {
                    if (kind == TransactionKind.READ) {
                        tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    if (deadline != null) {
                        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                        tx.execute("SET LOCAL lock_timeout = " + millis);
                    }
                    if (kind == TransactionKind.WRITE) {
                        tx.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                    }
                }
                T result = work.run(NulFreeText.wrap(connection));
                connection.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            throw errors.describe(doing, e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the error that got us here is the one to report
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    public String problem(SQLException e) {
        return PostgresErrors.problem(e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
