package dev.dataopsbot.knowledge.incident;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the incident store's rows live and how a transaction is run there: an SQLite file
 * ({@link SqliteEngine}) or a PostgreSQL database several processes share ({@link PostgresEngine}).
 */
interface StoreEngine extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param kind     a read, a serialised write, or a write of one incident (see {@link TransactionKind})
     * @param deadline {@link System#nanoTime()} by which the transaction must have started, or null
     * @param doing    what the command does, for the error message ("cannot acknowledge INC-3 in")
     */
    <T> T transaction(TransactionKind kind, Long deadline, String doing, IncidentDatabase.SqlWork<T> work);

    /** The SQLite file, empty for PostgreSQL. */
    Optional<Path> file();

    /** For messages: the file's path, or the URL without its password. */
    String location();

    /** True when opening created the database (a new file, or the schema in an empty database). */
    boolean created();

    SqlDialect dialect();

    /** What is wrong, in a few words and without the location (for {@code /healthz}). */
    String problem(SQLException e);

    @Override
    void close();
}
