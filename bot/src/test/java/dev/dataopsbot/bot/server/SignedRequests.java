package dev.dataopsbot.bot.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests signed exactly as Slack signs them: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}. */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** A form-encoded {@code /dataops} slash command from user U1 in channel C1. */
    public static HttpRequest slashCommand(URI endpoint, String text, Instant at, String secret) throws Exception {
        String body = "token=legacy&team_id=T1&team_domain=acme&channel_id=C1&channel_name=alerts&user_id=U1&user_name=alice"
                + "&command=" + URLEncoder.encode("/dataops", StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode("http://127.0.0.1:1/response", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        String timestamp = String.valueOf(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
