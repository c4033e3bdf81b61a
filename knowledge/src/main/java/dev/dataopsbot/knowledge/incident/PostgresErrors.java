package dev.dataopsbot.knowledge.incident;

import java.sql.SQLException;

/**
 * Turns PostgreSQL's SQLSTATEs into messages that say what is wrong with which database and what to
 * do, never with the password (the location is {@link PostgresUrl#toString()}).
 * Codes: PostgreSQL's errcodes.txt (src/backend/utils/errcodes.txt).
 */
final class PostgresErrors {

    private final String location;

    PostgresErrors(String location) {
        this.location = location;
    }

    /** Another transaction holds a lock this one waited for past its budget, or the wait was cancelled. */
    static boolean isBusy(SQLException e) {
        String state = state(e);
        return state.equals("55P03") || state.equals("57014") || state.equals("40P01") || state.equals("40001");
    }

    StoreException describe(String doing, SQLException e) {
        if (isBusy(e)) {
            return new StoreBusyException(doing + " " + location + ": the database is busy (another replica holds its "
                    + "write lock); nothing was written, try again", e);
        }
        return new StoreException(doing + " " + location + ": " + what(e), e);
    }

    private static String what(SQLException e) {
        String state = state(e);
        if (state.startsWith("08")) {
            return "cannot reach the PostgreSQL server (" + firstLine(e) + "); check the host and port of DATAOPS_DATABASE_URL "
                    + "and that the server is up";
        }
        return switch (state) {
            case "28P01", "28000" -> "authentication failed; check the user and password of DATAOPS_DATABASE_URL";
            case "3D000" -> "the database does not exist; create it (createdb) or fix the name in DATAOPS_DATABASE_URL";
            case "42501" -> "permission denied; the user needs to create tables in the database's schema";
            case "25006" -> "the database is read-only (a standby?); point DATAOPS_DATABASE_URL at the primary";
            case "53100" -> "the PostgreSQL server's disk is full";
            case "53300" -> "the server has too many connections; lower the replicas' pools or raise max_connections";
            case "57P01", "57P02", "57P03" -> "the PostgreSQL server is shutting down or starting up";
            default -> firstLine(e);
        };
    }

    /** What is wrong, in a few words and without the location (for {@code /healthz}). */
    static String problem(SQLException e) {
        String state = state(e);
        if (state.startsWith("08")) {
            return "the PostgreSQL server cannot be reached";
        }
        return switch (state) {
            case "28P01", "28000" -> "PostgreSQL authentication failed";
            case "25006" -> "the database is read-only";
            case "53100" -> "the PostgreSQL server's disk is full";
            case "55P03", "57014" -> "the database is locked by another replica";
            default -> "the database cannot be written";
        };
    }

    private static String state(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "an error without a message" : e.getMessage();
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
