package dev.dataopsbot.knowledge.incident;

import java.util.Optional;

/**
 * What recording an inbound alert did, the reply it owes (if it asked for one) and the escalation
 * it owes (a new incident with an escalation channel).
 */
public record Received(Recorded recorded, Optional<PendingReply> reply, Optional<PendingReply> escalation) {
}
