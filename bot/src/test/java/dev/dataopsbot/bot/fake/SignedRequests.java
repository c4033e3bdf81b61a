package dev.dataopsbot.bot.fake;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests signed exactly as Slack signs them: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}
 * in {@code X-Slack-Signature}, the epoch seconds in {@code X-Slack-Request-Timestamp}.
 */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** A form-encoded {@code /dataops} slash command from user U1 in channel C1, with an unreachable response_url. */
    public static HttpRequest slashCommand(URI endpoint, String text, Instant at, String secret) throws Exception {
        return slashCommand(endpoint, text, "http://127.0.0.1:1/response", at, secret);
    }

    /** A form-encoded {@code /dataops} slash command from user U1 in channel C1. */
    public static HttpRequest slashCommand(URI endpoint, String text, String responseUrl, Instant at, String secret)
            throws Exception {
        return slashCommand(endpoint, text, "C1", responseUrl, at, secret);
    }

    /** A form-encoded {@code /dataops} slash command from user U1 in {@code channel}. */
    public static HttpRequest slashCommand(URI endpoint, String text, String channel, String responseUrl, Instant at,
                                           String secret) throws Exception {
        String body = "token=legacy&team_id=T1&team_domain=acme&channel_id=" + encode(channel)
                + "&channel_name=alerts&user_id=U1&user_name=alice"
                + "&command=" + encode("/dataops")
                + "&text=" + encode(text)
                + "&response_url=" + encode(responseUrl)
                + "&trigger_id=1.2.3";
        return signed(endpoint, "application/x-www-form-urlencoded", body, at, secret);
    }

    /** An interactivity request (button, select, modal submission): {@code payload=<json>}, form-encoded. */
    public static HttpRequest interaction(URI endpoint, String payloadJson, Instant at, String secret) throws Exception {
        return signed(endpoint, "application/x-www-form-urlencoded", "payload=" + encode(payloadJson), at, secret);
    }

    /** An Events API callback: a JSON body. */
    public static HttpRequest event(URI endpoint, String json, Instant at, String secret) throws Exception {
        return signed(endpoint, "application/json", json, at, secret);
    }

    public static HttpRequest signed(URI endpoint, String contentType, String body, Instant at, String secret) throws Exception {
        String timestamp = String.valueOf(at.getEpochSecond());
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public static String signature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
