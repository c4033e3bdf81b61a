package dev.dataopsbot.knowledge.backtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * Reads back, oldest first, what each incident of the store was classified on. Rows are read a
 * page at a time, each page in its own short read transaction, and handed on outside it: replaying
 * thousands of alerts never holds the process's one connection (nor an old snapshot) for the
 * length of the replay, and never holds every text at once.
 */
public final class ClassifiedAlerts {

    static final int PAGE = 256;

    // the first alert by its id; pages follow (detected_at, id), the order of the detection index
    private static final String PAGE_SQL = """
            SELECT i.id, i.detected_at, a.source, a.text, i.failure_mode, i.decided_rule, i.rule_pack, i.confirmed,
                   i.confirmed_mode, (SELECT %s FROM team_case t WHERE t.incident_id = i.id)
            FROM incident i
            JOIN alert a ON a.id = (SELECT min(f.id) FROM alert f WHERE f.incident_id = i.id)
            WHERE (i.detected_at, i.id) > (?, ?)
            ORDER BY i.detected_at, i.id
            LIMIT ?
            """;

    private static final String COUNT_SQL = """
            SELECT count(*) FROM incident i
            WHERE i.detected_at >= ? AND EXISTS (SELECT 1 FROM alert a WHERE a.incident_id = i.id)
            """;

    private final IncidentDatabase database;

    public ClassifiedAlerts(IncidentDatabase database) {
        this.database = database;
    }

    /**
     * Hands each incident detected at or after {@code since} (null: all), oldest first, with its
     * first alert, the one it was classified on, to {@code action}. Incidents detected while it
     * runs may or may not be included.
     */
    public void forEach(Instant since, Consumer<ClassifiedAlert> action) {
        String afterTime = since == null ? "" : UtcTimestamps.format(since);
        long afterId = 0;
        while (true) {
            List<Row> page = page(afterTime, afterId);
            page.forEach(row -> action.accept(row.alert()));
            if (page.size() < PAGE) {
                return;
            }
            Row last = page.get(page.size() - 1);
            afterTime = last.detectedAt();
            afterId = last.alert().incident().number();
        }
    }

    /** An alert and its incident's {@code detected_at} exactly as stored, where the next page starts. */
    private record Row(ClassifiedAlert alert, String detectedAt) {
    }

    /** How many incidents {@link #forEach} would hand on now. */
    public int count(Instant since) {
        return database.read("cannot count the classified alerts in", c -> {
            try (PreparedStatement select = c.prepareStatement(COUNT_SQL)) {
                select.setString(1, since == null ? "" : UtcTimestamps.format(since));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** The next page after the incident detected at {@code afterTime} with id {@code afterId}. */
    private List<Row> page(String afterTime, long afterId) {
        String sql = PAGE_SQL.formatted(database.dialect().commaList("t.id"));
        return database.read("cannot read the classified alerts from", c -> read(c, sql, afterTime, afterId));
    }

    private static List<Row> read(Connection c, String sql, String afterTime, long afterId) throws SQLException {
        List<Row> page = new ArrayList<>(PAGE);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, afterTime);
            select.setLong(2, afterId);
            select.setInt(3, PAGE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String detectedAt = rs.getString(2);
                    page.add(new Row(new ClassifiedAlert(new IncidentKey(rs.getLong(1)), UtcTimestamps.parse(detectedAt),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), teamCaseIds(rs.getString(10))), detectedAt));
                }
            }
        }
        return page;
    }

    /** {@code "7,3"} as {@code [TC-3, TC-7]}. */
    private static List<String> teamCaseIds(String ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).mapToLong(Long::parseLong).sorted().mapToObj(id -> "TC-" + id).toList();
    }
}
