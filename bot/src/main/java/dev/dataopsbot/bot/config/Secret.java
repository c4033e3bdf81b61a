package dev.dataopsbot.bot.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A token or signing secret. {@link #toString()} prints {@code <secret>}, so a secret logged or
 * printed by mistake (a config dump, an exception message) shows nothing; {@link #reveal()} is
 * the one way to the value, for the Slack client and the signature check.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** Compares in constant time, for tokens presented by callers. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "<secret>";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && matches(secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
