package dev.dataopsbot.bot.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataopsbot.bot.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook's {@code Authorization: Bearer} check. */
class BearerTokenTest {

    private static final Secret TOKEN = Secret.of("s3cr3t-t0ken");

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cr3t-t0ken", "bearer s3cr3t-t0ken", "BEARER s3cr3t-t0ken",
            "  Bearer s3cr3t-t0ken \t"})
    void the_right_token_after_bearer_in_any_case_is_accepted(String header) {
        assertTrue(BearerToken.matches(header, TOKEN));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Bearer", "Bearer ", "Bearer s3cr3t-t0keN", "Bearer s3cr3t-t0ke",
            "Bearer s3cr3t-t0ken2", "Basic czNjcjN0LXQwa2Vu", "Token s3cr3t-t0ken", "s3cr3t-t0ken",
            "Bearers3cr3t-t0ken", "Bearer  s3cr3t-t0ken", "Bearer s3cr3t-t0ken extra"})
    void anything_else_is_refused(String header) {
        assertFalse(BearerToken.matches(header, TOKEN));
    }

    @Test
    void no_configured_token_refuses_every_header() {
        assertFalse(BearerToken.matches("Bearer s3cr3t-t0ken", null));
    }
}
