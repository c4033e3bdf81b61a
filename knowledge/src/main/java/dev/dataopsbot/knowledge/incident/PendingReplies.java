package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The replies owed in Slack ({@code pending_reply}): oldest first, removed once posted. */
public final class PendingReplies {

    private final IncidentDatabase database;
    private final Clock clock;

    public PendingReplies(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a reply owed for {@code incident} outside {@link IncidentStore#receive} (e.g. a recovery notice). */
    public PendingReply add(IncidentKey incident, PendingReply.Kind kind, String channel, String threadTs) {
        return database.write("cannot record a pending reply in", c -> add(c, incident, kind, channel, threadTs, clock.instant()));
    }

    static PendingReply add(Connection c, IncidentKey incident, PendingReply.Kind kind, String channel, String threadTs,
                            Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO pending_reply (incident_id, kind, channel, thread_ts, "
                + "created_at) VALUES (?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, incident.number());
            insert.setString(2, kind.id());
            insert.setString(3, channel);
            insert.setString(4, threadTs);
            insert.setString(5, UtcTimestamps.format(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new PendingReply(keys.getLong(1), incident, kind, channel, threadTs, now);
            }
        }
    }

    /** Every reply still owed, oldest first. */
    public List<PendingReply> all() {
        return database.read("cannot read the pending replies in", c -> {
            List<PendingReply> replies = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, incident_id, kind, channel, thread_ts, created_at FROM pending_reply ORDER BY id");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    replies.add(new PendingReply(rs.getLong(1), new IncidentKey(rs.getLong(2)),
                            PendingReply.Kind.fromId(rs.getString(3)), rs.getString(4), rs.getString(5),
                            UtcTimestamps.parse(rs.getString(6))));
                }
            }
            return replies;
        });
    }

    /** The reply was posted (or will never be): it is no longer owed. */
    public void done(PendingReply reply) {
        database.write("cannot clear a pending reply in", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pending_reply WHERE id = ?")) {
                delete.setLong(1, reply.id());
                delete.executeUpdate();
            }
            return null;
        });
    }
}
