package dev.dataopsbot.knowledge.incident;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which replica posts each channel's alert-storm digests ({@code channel_lease}): a lease that
 * its holder renews and that lapses when it stops, so of several replicas sharing the store one at
 * a time digests a channel, and a dead one hands the channel on.
 */
public final class ChannelLeases {

    private final IncidentDatabase database;
    private final Clock clock;

    public ChannelLeases(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Takes or renews {@code channel}'s lease for {@code replica} for {@code lease}: true when the
     * channel was free, its lease lapsed, or this replica holds it already.
     */
    public boolean hold(String channel, String replica, Duration lease) {
        Instant now = clock.instant();
        return database.write("cannot take the digest lease of a channel in", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO channel_lease (channel, owner, until) VALUES (?, ?, ?) "
                    + "ON CONFLICT (channel) DO UPDATE SET owner = excluded.owner, until = excluded.until "
                    + "WHERE channel_lease.owner = excluded.owner OR channel_lease.until < ?")) {
                upsert.setString(1, channel);
                upsert.setString(2, replica);
                upsert.setString(3, UtcTimestamps.format(now.plus(lease)));
                upsert.setString(4, UtcTimestamps.format(now));
                return upsert.executeUpdate() == 1;
            }
        });
    }
}
