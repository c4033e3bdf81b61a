package dev.dataopsbot.knowledge.report;

import java.time.Instant;

/**
 * A fingerprint ("the same problem") and the alerts it raised in the window.
 *
 * @param incidents how many incidents received those alerts
 * @param alerts    alerts received in the window
 * @param lastSeen  the newest of those alerts (null if it cannot be found)
 */
public record NoisyFingerprint(String fingerprint, int incidents, int alerts, Instant lastSeen) {
}
