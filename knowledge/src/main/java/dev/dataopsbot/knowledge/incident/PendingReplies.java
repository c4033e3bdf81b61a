package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The replies owed in Slack ({@code pending_reply}): oldest first, marked when a post is first
 * attempted, removed only once Slack confirms the post.
 *
 * <p>A reply is posted by the replica that holds its claim ({@link #claim}, {@link #claimDue}): a
 * lease of {@link #LEASE}, renewed while the reply stays owed. A new reply is reserved for the
 * replica that stored it for one lease; a replica that dies holds its replies only until their
 * leases lapse, then another claims and posts them.
 */
public final class PendingReplies {

    /** How long a claim holds a reply for its replica without being renewed. */
    public static final Duration LEASE = Duration.ofSeconds(30);

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
                + "created_at, claimed_until) VALUES (?, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, incident.number());
            insert.setString(2, kind.id());
            insert.setString(3, channel);
            insert.setString(4, threadTs);
            insert.setString(5, UtcTimestamps.format(now));
            insert.setString(6, UtcTimestamps.format(now.plus(LEASE)));  // reserved for the replica storing it
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
                    replies.add(read(rs));
                }
            }
            return replies;
        });
    }

    /**
     * Claims (or renews the claim on) {@code reply} for {@code replica}: true when it is still owed and
     * reserved, unclaimed, claimed by this replica or its claim has lapsed. False means another
     * replica posts it, or nobody needs to.
     */
    public boolean claim(PendingReply reply, String replica) {
        Instant now = clock.instant();
        return database.write("cannot claim a pending reply in", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE pending_reply SET claimed_by = ?, claimed_until = ? "
                    + "WHERE id = ? AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)")) {
                update.setString(1, replica);
                update.setString(2, UtcTimestamps.format(now.plus(LEASE)));
                update.setLong(3, reply.id());
                update.setString(4, replica);
                update.setString(5, UtcTimestamps.format(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Claims, for {@code replica}, the owed replies older than {@code settle} that are free: never
     * claimed and no longer reserved, claimed by this replica already (renewed), or whose claim
     * has lapsed; at most {@code limit}, oldest first. On PostgreSQL the rows are taken with
     * {@code FOR UPDATE SKIP LOCKED}, so replicas sweeping together never take the same reply.
     *
     * @param everything true to take every owed reply whatever its claim: a store no other replica
     *                   shares, after a restart
     */
    public List<PendingReply> claimDue(String replica, Duration settle, int limit, boolean everything) {
        Instant now = clock.instant();
        return database.write("cannot claim the pending replies in", c -> {
            List<PendingReply> claimed = new ArrayList<>();
            String free = everything ? "" : " AND (claimed_by = ? OR claimed_until IS NULL OR claimed_until < ?)";
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM pending_reply WHERE created_at <= ?"
                    + free + " ORDER BY id LIMIT ?" + database.dialect().lockSkippingLocked())) {
                int i = 1;
                select.setString(i++, UtcTimestamps.format(now.minus(settle)));
                if (!everything) {
                    select.setString(i++, replica);
                    select.setString(i++, UtcTimestamps.format(now));
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(read(rs));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE pending_reply SET claimed_by = ?, claimed_until = ? WHERE id = ?")) {
                for (PendingReply reply : claimed) {
                    update.setString(1, replica);
                    update.setString(2, UtcTimestamps.format(now.plus(LEASE)));
                    update.setLong(3, reply.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return claimed;
        });
    }

    private static PendingReply read(ResultSet rs) throws SQLException {
        String attempted = rs.getString(7);
        return new PendingReply(rs.getLong(1), new IncidentKey(rs.getLong(2)), PendingReply.Kind.fromId(rs.getString(3)),
                rs.getString(4), rs.getString(5), UtcTimestamps.parse(rs.getString(6)),
                attempted == null ? null : UtcTimestamps.parse(attempted));
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
