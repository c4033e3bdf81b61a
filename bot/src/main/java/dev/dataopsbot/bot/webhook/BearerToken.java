package dev.dataopsbot.bot.webhook;

import dev.dataopsbot.bot.config.Secret;

/**
 * Checks an {@code Authorization: Bearer <token>} header, as Alertmanager's {@code http_config}
 * {@code authorization} (or {@code bearer_token}) sends it, against the configured token.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /**
     * True when the header is {@code Bearer <token>} (scheme in any case, one space, surrounding
     * white space ignored) and the token equals {@code expected}, compared in constant time. A
     * missing or blank header, another scheme, an empty token or no expected token gives false.
     */
    public static boolean matches(String authorizationHeader, Secret expected) {
        if (authorizationHeader == null || expected == null) {
            return false;
        }
        String header = authorizationHeader.strip();
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        String token = header.substring(SCHEME.length());
        if (token.isEmpty() || Character.isWhitespace(token.charAt(0))) {
            return false;
        }
        return expected.matches(token);
    }
}
