package dev.dataopsbot.knowledge.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code processed_event} table: external deliveries already applied, so a retry is applied once. */
final class ProcessedDeliveries {

    private ProcessedDeliveries() {
    }

    /** Marks the delivery as processed inside the caller's transaction; false when it already was. */
    static boolean claim(Connection c, String source, String externalId, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO processed_event (source, external_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, source);
            insert.setString(2, TextCap.cap(externalId, 500));
            insert.setString(3, UtcTimestamps.format(now));
            return insert.executeUpdate() == 1;
        }
    }
}
