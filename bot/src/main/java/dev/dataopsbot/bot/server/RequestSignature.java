package dev.dataopsbot.bot.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.dataopsbot.bot.config.Secret;

/**
 * Slack's request signing, checked on the body's raw bytes before anything parses them:
 * {@code X-Slack-Signature} must be {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} keyed with the signing secret, compared in constant time, and
 * {@code X-Slack-Request-Timestamp} within 5 minutes of now in either direction. Bolt's own check
 * is off: it compares with {@code String.equals}, accepts timestamps from the future and runs only
 * after the body has been read whole and parsed.
 */
final class RequestSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    private final SecretKeySpec key;
    private final Clock clock;

    RequestSignature(Secret signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /**
     * The time Slack signed the request at, when {@code signature} is Slack's for {@code timestamp}
     * and {@code body}; otherwise 401.
     */
    Instant verify(String timestamp, String signature, byte[] body) throws RejectedRequest {
        if (timestamp == null || signature == null) {
            throw new RejectedRequest(401, "unsigned", "missing " + SIGNATURE + " or " + TIMESTAMP);
        }
        Instant signedAt = fresh(timestamp);
        if (!MessageDigest.isEqual(expected(timestamp, body), signature.getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedRequest(401, "bad_signature", SIGNATURE + " does not match the request");
        }
        return signedAt;
    }

    private Instant fresh(String timestamp) throws RejectedRequest {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            if (Duration.between(clock.instant(), at).abs().compareTo(WINDOW) <= 0) {
                return at;
            }
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            // not a time: refused below like a stale one
        }
        throw new RejectedRequest(401, "stale_timestamp", TIMESTAMP + " is not within 5 minutes of the server's clock");
    }

    private byte[] expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
