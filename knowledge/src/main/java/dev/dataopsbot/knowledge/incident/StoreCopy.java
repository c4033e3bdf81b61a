package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code db copy}: every row of an SQLite incident store into an empty PostgreSQL one at the same
 * schema version, ids kept (INC-7 stays INC-7), in one PostgreSQL transaction, verified by counting
 * each table on both sides before it commits. A failed or unequal copy leaves the target empty.
 */
public final class StoreCopy {

    /** Parents before children, so every reference finds its row. */
    static final List<String> TABLES = List.of("incident", "timeline_event", "alert", "runbook_suggestion", "processed_event",
            "triage_message", "pending_reply", "team_case");
    /** Tables whose ids PostgreSQL generates: their identity goes on after the highest copied id. */
    private static final List<String> IDENTITIES = List.of("incident", "timeline_event", "alert", "runbook_suggestion",
            "pending_reply", "team_case");
    private static final int BATCH = 500;

    private StoreCopy() {
    }

    /**
     * @return the rows copied, per table, in copy order
     * @throws StoreException when the target is not empty, the versions differ or the counts do not match
     */
    public static Map<String, Long> copy(IncidentDatabase from, IncidentDatabase to) {
        if (from.schemaVersion() != to.schemaVersion()) {
            throw new StoreException("cannot copy " + from.location() + " (schema version " + from.schemaVersion() + ") into "
                    + to.location() + " (schema version " + to.schemaVersion() + "): open both with this dataops-bot first");
        }
        return from.read("cannot read", source -> to.write("cannot copy into", target -> {
            for (String table : TABLES) {
                if (count(target, table) > 0) {
                    throw new StoreException("cannot copy into " + to.location() + ": its table " + table + " has rows; "
                            + "copy into a new, empty database (the target was not changed)");
                }
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : TABLES) {
                copied.put(table, copyTable(source, target, table));
            }
            for (String table : IDENTITIES) {
                restartIdentity(target, table);
            }
            for (String table : TABLES) {
                long there = count(target, table);
                if (there != copied.get(table) || count(source, table) != there) {
                    throw new StoreException("the copy into " + to.location() + " does not match: " + table + " has "
                            + count(source, table) + " rows in the SQLite store and " + there + " in PostgreSQL; nothing was kept");
                }
            }
            return copied;
        }));
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement select = source.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement batch = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        batch.setObject(i, rs.getObject(i));
                    }
                    batch.addBatch();
                    if (++rows % BATCH == 0) {
                        batch.executeBatch();
                    }
                }
                batch.executeBatch();
            }
        }
        return rows;
    }

    private static void restartIdentity(Connection target, String table) throws SQLException {
        try (Statement statement = target.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) FROM "
                    + table);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
