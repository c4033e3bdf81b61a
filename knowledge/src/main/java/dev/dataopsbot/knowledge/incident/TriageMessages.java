package dev.dataopsbot.knowledge.incident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Where each incident's triage message is in Slack. The latest posted message is the one kept up
 * to date; the first one also becomes the incident's channel and thread when it has none yet.
 */
public final class TriageMessages {

    private final IncidentDatabase database;
    private final Clock clock;

    public TriageMessages(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Remembers {@code message} as the triage message of {@code key}.
     *
     * @param threadTs the thread the incident is discussed in (the message itself when it starts the thread)
     */
    public void remember(IncidentKey key, MessageRef message, String threadTs) {
        database.write("cannot remember the Slack message of " + key + " in", c -> {
            IncidentRows.require(c, key);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO triage_message (incident_id, channel, ts, "
                    + "posted_at) VALUES (?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET channel = excluded.channel, "
                    + "ts = excluded.ts, posted_at = excluded.posted_at")) {
                upsert.setLong(1, key.number());
                upsert.setString(2, message.channel());
                upsert.setString(3, message.ts());
                upsert.setString(4, UtcTimestamps.format(clock.instant()));
                upsert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE incident SET channel = coalesce(channel, ?), "
                    + "thread_ts = coalesce(thread_ts, ?) WHERE id = ?")) {
                update.setString(1, message.channel());
                update.setString(2, threadTs);
                update.setLong(3, key.number());
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The triage message of {@code key}, if one was posted. */
    public Optional<MessageRef> find(IncidentKey key) {
        return database.read("cannot read the Slack message of " + key + " in", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT channel, ts FROM triage_message WHERE incident_id = ?")) {
                select.setLong(1, key.number());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new MessageRef(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }
}
