package dev.dataopsbot.knowledge.incident;

import java.util.Optional;

/** What recording an inbound alert did, and the reply it owes (if it asked for one). */
public record Received(Recorded recorded, Optional<PendingReply> reply) {
}
