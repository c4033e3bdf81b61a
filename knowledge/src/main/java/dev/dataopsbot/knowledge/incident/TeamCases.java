package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's own labelled cases in the incident store: added by feedback on an incident (in the
 * same transaction as the feedback event), listed, removed and imported by the {@code cases}
 * commands.
 */
public final class TeamCases {

    /** Longer alerts keep their first and last half of this: the lines that show the failure. */
    public static final int MAX_TEXT = 8_000;
    private static final String COLUMNS = "id, mode, system, text, incident_id, added_by, added_at, origin, note";

    private final IncidentDatabase database;
    private final Clock clock;

    public TeamCases(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public List<TeamCase> list() {
        return database.read("cannot list the team's cases in", c -> {
            List<TeamCase> cases = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT " + COLUMNS + " FROM team_case ORDER BY id")) {
                while (rows.next()) {
                    cases.add(row(rows));
                }
            }
            return cases;
        });
    }

    /**
     * A cheap fingerprint of the team's cases (how many, and the newest id): it changes whenever a
     * case is added or removed, by this process or another replica.
     */
    public String signature() {
        return database.read("cannot read the team's cases in", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(id), 0) FROM team_case")) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getLong(2);
            }
        });
    }

    public Optional<TeamCase> get(long id) {
        return database.read("cannot read the team's case in", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM team_case WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(row(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Removes a case; false when there was none with that id. */
    public boolean remove(long id) {
        return database.write("cannot remove the team's case from", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM team_case WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Adds an imported case (text already redacted by the caller). */
    public TeamCase importCase(String mode, String system, String text, String addedBy, String note) {
        Instant now = clock.instant();
        long id = database.write("cannot import the team's case into", c ->
                insert(c, mode, system, cap(text), null, addedBy, now, TeamCase.IMPORT, note));
        return get(id).orElseThrow();
    }

    /**
     * Within a feedback transaction: the incident's first alert becomes a team case of {@code mode}.
     * An earlier case from the same incident is replaced: the latest word on an incident wins.
     */
    static void learnFrom(Connection c, Incident incident, String mode, String actor, String origin, Instant now)
            throws SQLException {
        forget(c, incident);
        String text;
        try (PreparedStatement s = c.prepareStatement("SELECT text FROM alert WHERE incident_id = ? ORDER BY id LIMIT 1")) {
            s.setLong(1, incident.key().number());
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                text = rows.getString(1);
            }
        }
        String system = incident.source().system() == null ? "team" : incident.source().system();
        insert(c, mode, system, cap(text), incident.key(), actor, now, origin, "");
    }

    /** Within a feedback transaction: "wrong" without a mode withdraws what the incident taught before. */
    static void forget(Connection c, Incident incident) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM team_case WHERE incident_id = ?")) {
            delete.setLong(1, incident.key().number());
            delete.executeUpdate();
        }
    }

    private static long insert(Connection c, String mode, String system, String text, IncidentKey incident,
                               String addedBy, Instant at, String origin, String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO team_case (mode, system, text, incident_id, added_by, "
                + "added_at, origin, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, mode);
            s.setString(2, system);
            s.setString(3, text);
            if (incident == null) {
                s.setNull(4, java.sql.Types.INTEGER);
            } else {
                s.setLong(4, incident.number());
            }
            s.setString(5, addedBy);
            s.setString(6, UtcTimestamps.format(at));
            s.setString(7, origin);
            s.setString(8, note);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static String cap(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int half = MAX_TEXT / 2;
        return text.substring(0, half) + "\n…\n" + text.substring(text.length() - half);
    }

    private static TeamCase row(ResultSet rows) throws SQLException {
        long incident = rows.getLong(5);
        IncidentKey key = rows.wasNull() ? null : new IncidentKey(incident);
        return new TeamCase(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), key,
                rows.getString(6), UtcTimestamps.parse(rows.getString(7)), rows.getString(8), rows.getString(9));
    }
}
