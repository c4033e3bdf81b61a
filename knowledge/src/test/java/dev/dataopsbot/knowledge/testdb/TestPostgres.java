package dev.dataopsbot.knowledge.testdb;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests: {@code DATAOPS_TEST_POSTGRES_URL}, which {@code .ci/run} sets to a throwaway
 * server ({@code .ci/postgres}). Each test takes its own new, empty database from it with {@link #freshDatabase()}.
 * Without a server the PostgreSQL tests are skipped with a message that says how to get one, unless
 * {@code DATAOPS_REQUIRE_POSTGRES=true} (CI), where they fail instead.
 *
 * <p>Used by the knowledge module's tests and, through its test-jar, by the bot's tests.
 */
public final class TestPostgres {

    /** Environment variable (or -D system property) naming the admin URL of the test server. */
    public static final String URL_VARIABLE = "DATAOPS_TEST_POSTGRES_URL";
    /** Environment variable (or -D system property): {@code true} turns the "no server" skip into a failure. */
    public static final String REQUIRE_VARIABLE = "DATAOPS_REQUIRE_POSTGRES";

    private static final String HOW_TO_GET_ONE = "no PostgreSQL server for the tests: set " + URL_VARIABLE
            + " (e.g. .ci/postgres start /tmp/pg, then eval $(.ci/postgres env /tmp/pg))";
    private static final int MAX_NAME_LENGTH = 63;

    private static final Set<String> CREATED = new LinkedHashSet<>();
    private static final AtomicBoolean DROP_ON_EXIT = new AtomicBoolean();

    private TestPostgres() {
    }

    /** {@code DATAOPS_TEST_POSTGRES_URL} (env, or -D system property of the same name), if set. */
    public static Optional<String> adminUrl() {
        return setting(URL_VARIABLE);
    }

    /**
     * A new, empty database on the test server, named after the calling class ({@code t_<class>_<random>}), as a
     * {@code postgresql://user@host:port/db} URL (with the admin URL's password, if it has one). When no server is
     * configured: skips the calling test with a JUnit assumption whose message says how to get one
     * ({@code .ci/postgres start /tmp/pg, then eval $(.ci/postgres env /tmp/pg)}), unless
     * {@code DATAOPS_REQUIRE_POSTGRES=true}, then it fails the test with that message. A configured server that
     * cannot be reached fails the test. The database is dropped by {@link #dropCreatedDatabases()}, or at the
     * latest when the JVM exits.
     */
    public static String freshDatabase() {
        Optional<String> admin = adminUrl();
        if (admin.isEmpty()) {
            if (setting(REQUIRE_VARIABLE).map("true"::equalsIgnoreCase).orElse(false)) {
                Assertions.fail(REQUIRE_VARIABLE + "=true, but " + HOW_TO_GET_ONE);
            }
            Assumptions.abort(HOW_TO_GET_ONE);
        }
        ServerUrl server = ServerUrl.parse(admin.get());
        String name = databaseName(callerClass());
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoted(name));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.redacted() + " ("
                    + URL_VARIABLE + "): " + e.getMessage(), e);
        }
        synchronized (CREATED) {
            CREATED.add(name);
        }
        if (DROP_ON_EXIT.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedDatabases, "drop-test-databases"));
        }
        return server.withDatabase(name).toUrl();
    }

    /**
     * Drops the databases this JVM created (call from {@code @AfterAll}; it also runs when the JVM exits). Best
     * effort: a database that cannot be dropped is reported on standard error and left.
     */
    public static void dropCreatedDatabases() {
        List<String> names;
        synchronized (CREATED) {
            names = new ArrayList<>(CREATED);
            CREATED.clear();
        }
        Optional<String> admin = adminUrl();
        if (names.isEmpty() || admin.isEmpty()) {
            return;
        }
        ServerUrl server = ServerUrl.parse(admin.get());
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String name : names) {
                try {
                    // WITH (FORCE), PostgreSQL 13 and newer: a pool a test left open does not keep its database
                    s.execute("DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("TestPostgres: could not drop test database " + name + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("TestPostgres: could not drop the test databases " + names + " on " + server.redacted()
                    + ": " + e.getMessage());
        }
    }

    /**
     * A JDBC connection to {@code postgresqlUrl} ({@code postgresql://user:password@host:port/db?...} or
     * {@code jdbc:postgresql://...}), through {@code jdbc:postgresql://host:port/db} with the user and password
     * as connection properties.
     */
    public static Connection connect(String postgresqlUrl) throws SQLException {
        return connect(ServerUrl.parse(postgresqlUrl));
    }

    private static Connection connect(ServerUrl server) throws SQLException {
        Properties properties = new Properties();
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String callerClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(type -> type != TestPostgres.class)
                        .findFirst())
                .map(Class::getSimpleName)
                .orElse("test");
    }

    private static String databaseName(String caller) {
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String base = caller.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        int room = MAX_NAME_LENGTH - "t_".length() - "_".length() - random.length();
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return "t_" + base + "_" + random;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The parts of a {@code postgresql://} or {@code jdbc:postgresql://} URL. */
    private record ServerUrl(String host, int port, String database, String user, String password,
            List<String> parameters) {

        static ServerUrl parse(String url) {
            String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
            if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
                throw new IllegalArgumentException(URL_VARIABLE + " is not a postgresql:// or jdbc:postgresql:// URL: "
                        + rest.replaceAll(":[^:@/]*@", ":***@"));
            }
            URI uri;
            try {
                uri = new URI(rest);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(URL_VARIABLE + " is not a valid URL at index " + e.getIndex(), e);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(URL_VARIABLE + " names no host");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            List<String> parameters = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String[] pair = parameter.split("=", 2);
                    String value = pair.length > 1 ? decode(pair[1]) : "";
                    switch (pair[0]) {
                        case "user" -> user = value;
                        case "password" -> password = value;
                        default -> {
                            if (!parameter.isEmpty()) {
                                parameters.add(parameter);
                            }
                        }
                    }
                }
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
            String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
            return new ServerUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password,
                    List.copyOf(parameters));
        }

        ServerUrl withDatabase(String name) {
            return new ServerUrl(host, port, name, user, password, parameters);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + query();
        }

        String toUrl() {
            String userInfo = user == null ? "" : encode(user) + (password == null ? "" : ":" + encode(password)) + "@";
            return "postgresql://" + userInfo + host + ":" + port + "/" + encode(database) + query();
        }

        String redacted() {
            String userInfo = user == null ? "" : encode(user) + (password == null ? "" : ":***") + "@";
            return "postgresql://" + userInfo + host + ":" + port + "/" + encode(database);
        }

        /** Without the password: a record's own toString would show it. */
        @Override
        public String toString() {
            return redacted();
        }

        private String query() {
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
