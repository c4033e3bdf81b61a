package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import dev.dataopsbot.bot.config.Secret;
import dev.dataopsbot.bot.fake.SignedRequests;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final byte[] BODY = "token=legacy&command=%2Fdataops&text=triage+x".getBytes(StandardCharsets.UTF_8);

    private final SettableClock clock = new SettableClock(NOW);
    private final RequestSignature signatures = new RequestSignature(Secret.of(SECRET), clock);

    @Test
    void slacks_signature_of_the_exact_bytes_verifies_and_gives_the_signing_time() throws Exception {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String slack = SignedRequests.signature(SECRET, timestamp, new String(BODY, StandardCharsets.UTF_8));
        assertEquals(NOW, signatures.verify(timestamp, slack, BODY));
    }

    @Test
    void timestamps_up_to_5_minutes_either_side_of_now_verify() throws Exception {
        for (Duration skew : new Duration[] {Duration.ofMinutes(-5), Duration.ofMinutes(5)}) {
            String timestamp = String.valueOf(NOW.plus(skew).getEpochSecond());
            signatures.verify(timestamp, sign(SECRET, timestamp, BODY), BODY);
        }
    }

    @Test
    void a_missing_header_is_unsigned() {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        assertEquals("unsigned", refused(null, "v0=00", BODY));
        assertEquals("unsigned", refused(timestamp, null, BODY));
    }

    @Test
    void old_future_and_unreadable_timestamps_are_stale_even_when_signed() throws Exception {
        for (String timestamp : new String[] {String.valueOf(NOW.minusSeconds(301).getEpochSecond()),
                String.valueOf(NOW.plusSeconds(301).getEpochSecond()), "yesterday", "99999999999999999999", ""}) {
            assertEquals("stale_timestamp", refused(timestamp, sign(SECRET, timestamp, BODY), BODY), timestamp);
        }
    }

    @Test
    void another_secret_another_body_or_another_timestamp_is_a_bad_signature() throws Exception {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String signed = sign(SECRET, timestamp, BODY);
        assertEquals("bad_signature", refused(timestamp, sign("wrong-secret", timestamp, BODY), BODY));
        byte[] changed = BODY.clone();
        changed[changed.length - 1] = 'y';
        assertEquals("bad_signature", refused(timestamp, signed, changed));
        assertEquals("bad_signature", refused(String.valueOf(NOW.getEpochSecond() - 1), signed, BODY));
        assertEquals("bad_signature", refused(timestamp, signed.toUpperCase(), BODY));
        assertEquals("bad_signature", refused(timestamp, signed.substring(0, 20), BODY));
    }

    @Test
    void bytes_that_are_not_utf8_are_signed_as_they_came() throws Exception {
        byte[] latin1 = "text=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String timestamp = String.valueOf(NOW.getEpochSecond());
        signatures.verify(timestamp, sign(SECRET, timestamp, latin1), latin1);
        assertEquals("bad_signature", refused(timestamp, sign(SECRET, timestamp, "text=caf\ufffd".getBytes(StandardCharsets.UTF_8)), latin1));
    }

    private String refused(String timestamp, String signature, byte[] body) {
        RejectedRequest rejected = assertThrows(RejectedRequest.class, () -> signatures.verify(timestamp, signature, body));
        assertEquals(401, rejected.status());
        return rejected.reason();
    }

    /** As Slack signs, over bytes: {@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:} and the body. */
    private static String sign(String secret, String timestamp, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
