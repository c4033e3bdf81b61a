package dev.dataopsbot.knowledge.incident;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the PostgreSQL incident store is: {@code DATAOPS_DATABASE_URL} (or {@code --database-url})
 * in the form libpq and most tools take, {@code postgresql://user:password@host:port/db?sslmode=require}
 * ({@code postgres://} too), or the JDBC driver's {@code jdbc:postgresql://host:port/db?user=u&password=p}.
 * The password is kept apart: {@link #toString()} and every message leave it out.
 *
 * @param hosts    {@code host:port}, or several comma-separated, as written
 * @param database the database name
 * @param user     the user, or empty for the driver's default
 * @param password the password, or empty; never printed
 * @param options  the query parameters other than user and password, passed to the driver
 */
public record PostgresUrl(String hosts, String database, String user, String password, Map<String, String> options) {

    public PostgresUrl {
        options = Map.copyOf(options);
    }

    /** True when {@code text} is meant as a PostgreSQL URL (of any accepted form). */
    public static boolean looksLikeOne(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql://");
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, without the password
     */
    public static PostgresUrl parse(String text) {
        String url = text.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("not a PostgreSQL URL: use postgresql://user:password@host:port/database "
                    + "or jdbc:postgresql://host:port/database?user=...");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = "";
        String password = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : "";
        }
        int slash = rest.indexOf('/');
        String hosts = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? decode(rest.substring(slash + 1)) : "";
        if (hosts.isBlank()) {
            throw new IllegalArgumentException("the PostgreSQL URL names no host: postgresql://user:password@host:5432/database");
        }
        if (database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException("the PostgreSQL URL names no database: postgresql://user:password@"
                    + hosts + "/database");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> options.put(key, value);
            }
        }
        return new PostgresUrl(hosts, database, user, password, options);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PostgreSQL URL has a bad %-escape; write reserved characters of the "
                    + "user or password as %XX");
        }
    }

    /** The driver's URL, without user and password (they are given apart). */
    public String jdbcUrl() {
        String query = options.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hosts + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code postgresql://user@host:5432/db}: the URL as people read it, without the password. */
    @Override
    public String toString() {
        return "postgresql://" + (user.isEmpty() ? "" : user + "@") + hosts + "/" + database;
    }
}
