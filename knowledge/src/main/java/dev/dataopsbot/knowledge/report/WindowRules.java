package dev.dataopsbot.knowledge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What decided the incidents detected in a window, with the feedback on them: one grouped query
 * over {@code incident} (its {@code decided_rule} and {@code confirmed} columns; plain SQL, no
 * JSON), incidents without a decider left out.
 */
final class WindowRules {

    private static final String SELECT = """
            SELECT decided_rule, count(*), count(CASE WHEN confirmed = 'right' THEN 1 END),
                   count(CASE WHEN confirmed = 'wrong' THEN 1 END)
            FROM incident
            WHERE detected_at >= ? AND detected_at <= ? AND decided_rule IS NOT NULL
            GROUP BY decided_rule
            """;

    private WindowRules() {
    }

    /** Every decider of the window, {@link RulePrecision#WORST_FIRST}. */
    static List<RulePrecision> read(Connection c, String since, String until) throws SQLException {
        List<RulePrecision> rules = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, since);
            select.setString(2, until);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rules.add(new RulePrecision(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        rules.sort(RulePrecision.WORST_FIRST);
        return rules;
    }
}
