package dev.dataopsbot.knowledge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.PostgresUrl;
import dev.dataopsbot.knowledge.testdb.TestPostgres;

/**
 * The store a benchmark runs on, chosen by the system property {@code bench.engine}: {@code sqlite}
 * (the default), the file {@code dataops.db} in a temp folder, or {@code postgresql}, a new database
 * on the server of {@code DATAOPS_TEST_POSTGRES_URL} ({@link TestPostgres#freshDatabase()}), opened
 * with the pool {@code serve} uses. Either way there is a temp folder for what lives beside the store
 * (the past-incident index); {@link #close()} deletes it and drops the database.
 *
 * <p>Fixtures load their rows with portable SQL on {@link #loader()}, a plain JDBC connection to the
 * same database, so both engines get the same data through the same code.
 */
final class BenchStore implements AutoCloseable {

    /** System property naming the engine: {@code sqlite} or {@code postgresql}. */
    static final String ENGINE_PROPERTY = "bench.engine";
    /** Connections in the pool on PostgreSQL: as {@code serve} opens the store. */
    static final int SERVE_POOL = 4;

    private final boolean postgresql;
    private final Path folder;
    private final String url;

    private BenchStore(boolean postgresql, Path folder, String url) {
        this.postgresql = postgresql;
        this.folder = folder;
        this.url = url;
    }

    /** A new, empty store on the engine {@code -Dbench.engine} names, with a temp folder named after {@code harness}. */
    static BenchStore create(String harness) throws IOException {
        String engine = System.getProperty(ENGINE_PROPERTY, "sqlite").strip().toLowerCase(Locale.ROOT);
        Path folder = Files.createTempDirectory(harness);
        return switch (engine) {
            case "sqlite" -> new BenchStore(false, folder, null);
            case "postgresql" -> new BenchStore(true, folder, TestPostgres.freshDatabase());
            default -> throw new IllegalArgumentException("-D" + ENGINE_PROPERTY + "=" + engine
                    + ": expected sqlite or postgresql");
        };
    }

    /** Opens (and on first use creates and migrates) the store, as the product does. */
    IncidentDatabase open() {
        return postgresql ? IncidentDatabase.open(PostgresUrl.parse(url), SERVE_POOL) : IncidentDatabase.open(folder);
    }

    /** The temp folder: the SQLite file's on SQLite, on both where indexes beside the store live. */
    Path folder() {
        return folder;
    }

    boolean postgresql() {
        return postgresql;
    }

    /** A plain JDBC connection to the store's database, for fixtures that bulk-load rows with portable SQL. */
    Connection loader() throws SQLException {
        return postgresql ? TestPostgres.connect(url)
                : DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(IncidentDatabase.FILE_NAME).toAbsolutePath());
    }

    /**
     * After a bulk load, what the engine does on its own in a running system: SQLite checkpoints the
     * WAL into the file; PostgreSQL's autovacuum analyses the new rows and sets the visibility map
     * ({@code VACUUM ANALYZE}, done here at once rather than whenever autovacuum gets to it).
     */
    void settle() throws SQLException {
        try (Connection c = loader(); Statement s = c.createStatement()) {
            s.execute(postgresql ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /**
     * Fails unless the incidents are exactly those numbered 1 to {@code count}: fixtures insert them
     * without ids, in order, into an empty store, and number their events and alerts the same way.
     */
    void requireIncidentIds(int count) throws SQLException {
        try (Connection c = loader(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id) FROM incident")) {
            rs.next();
            if (rs.getLong(1) != count || rs.getLong(2) != 1 || rs.getLong(3) != count) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the fixture expected incidents 1 to %d, "
                        + "the store numbered %d incidents %d to %d", count, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
            }
        }
    }

    /** The database's size on disk: the SQLite files, or {@code pg_database_size}. */
    long sizeBytes() throws SQLException, IOException {
        if (postgresql) {
            try (Connection c = loader(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(IncidentDatabase.FILE_NAME))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** One line for the output: the engine, its version and settings that matter, where, and the machine's load. */
    String describe() throws SQLException {
        String engine;
        try (Connection c = loader(); Statement s = c.createStatement()) {
            if (postgresql) {
                engine = "PostgreSQL " + single(s, "SHOW server_version") + " (fsync " + single(s, "SHOW fsync")
                        + ", synchronous_commit " + single(s, "SHOW synchronous_commit") + ", pool of " + SERVE_POOL
                        + ") at " + PostgresUrl.parse(url);
            } else {
                engine = "SQLite " + single(s, "SELECT sqlite_version()") + " at "
                        + folder.resolve(IncidentDatabase.FILE_NAME);
            }
        }
        return String.format(Locale.ROOT, "engine: %s; machine: %d cores, load average %.2f, Java %s", engine,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Deletes the temp folder and drops the PostgreSQL database. */
    @Override
    public void close() throws IOException {
        if (postgresql) {
            TestPostgres.dropCreatedDatabases();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
