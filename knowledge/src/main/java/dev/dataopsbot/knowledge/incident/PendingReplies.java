package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The replies owed in Slack ({@code pending_reply}): oldest first, marked when a post is first
 * attempted, removed only once Slack confirms the post.
 */
public final class PendingReplies {

    private static final String COLUMNS = "id, incident_id, kind, channel, thread_ts, created_at, attempted_at";

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
                return new PendingReply(keys.getLong(1), incident, kind, channel, threadTs, now, null);
            }
        }
    }

    /** Every reply still owed, oldest first. */
    public List<PendingReply> all() {
        return database.read("cannot read the pending replies in", c -> {
            List<PendingReply> replies = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM pending_reply ORDER BY id");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String attempted = rs.getString(7);
                    replies.add(new PendingReply(rs.getLong(1), new IncidentKey(rs.getLong(2)),
                            PendingReply.Kind.fromId(rs.getString(3)), rs.getString(4), rs.getString(5),
                            UtcTimestamps.parse(rs.getString(6)), attempted == null ? null : UtcTimestamps.parse(attempted)));
                }
            }
            return replies;
        });
    }

    /** Whether reply {@code id} is still owed (not yet confirmed by Slack). */
    public boolean isOwed(long id) {
        return database.read("cannot read the pending replies in", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM pending_reply WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Marks the replies as about to be posted (once: the first attempt's time is kept), so that
     * a later delivery looks for them in Slack first.
     */
    public void attempting(List<PendingReply> replies) {
        Instant now = clock.instant();
        List<PendingReply> fresh = replies.stream().filter(r -> !r.attempted()).toList();
        if (!fresh.isEmpty()) {
            database.write("cannot mark replies as attempted in", c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE pending_reply SET attempted_at = ? WHERE id = ? AND attempted_at IS NULL")) {
                    for (PendingReply reply : fresh) {
                        update.setString(1, UtcTimestamps.format(now));
                        update.setLong(2, reply.id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        }
    }

    /** Slack confirmed the reply (or refused it for good): it is no longer owed. */
    public void done(PendingReply reply) {
        done(List.of(reply.id()));
    }

    /** Slack confirmed one message (e.g. a storm digest) that answers all of {@code ids}. */
    public void done(Collection<Long> ids) {
        database.write("cannot clear pending replies in", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pending_reply WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }
}
