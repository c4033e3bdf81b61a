package dev.dataopsbot.bot.slack.message;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A link from an alert, made safe for mrkdwn: only {@code http} and {@code https} URLs with a host
 * (no {@code javascript:}, {@code slack:} or {@code mailto:}), at most {@link #MAX_URL} characters
 * (Slack's limit for a button's URL), characters a URI cannot hold percent-encoded, {@code |}
 * encoded so it cannot end the URL inside {@code <url|label>}, and {@code & < >} escaped.
 */
final class SafeLink {

    static final int MAX_URL = 3000;
    static final int MAX_LABEL = 60;

    private SafeLink() {
    }

    /** {@code <url|label>}, or empty when the URL is not a web link. */
    static Optional<String> mrkdwn(String label, String url) {
        return url(url).map(safe -> "<" + BlockText.escape(safe) + "|" + BlockText.safe(label.isBlank() ? "Link" : label,
                MAX_LABEL).replace("|", "¦") + ">");
    }

    /** The URL as it may be linked, or empty. */
    static Optional<String> url(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String encoded = encodeUnsafe(raw.strip());
        if (encoded.isEmpty() || encoded.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(encoded);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(encoded);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes what a URI may not hold as is (spaces, quotes, braces, {@code | < > \ ^ `}, controls, non-ASCII). */
    private static String encodeUnsafe(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
