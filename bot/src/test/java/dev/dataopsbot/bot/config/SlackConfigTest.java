package dev.dataopsbot.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlackConfigTest {

    private static final String BOT = "xoxb-1111-2222-abcdefghijkl";
    private static final String SIGNING = "8f742231b10e8888abcd99yyyzzz85a5";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void http_mode_needs_the_bot_token_and_the_signing_secret_and_has_defaults() {
        SlackConfig config = SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING));
        assertFalse(config.socketMode());
        assertEquals(URI.create("https://slack.com/api/"), config.apiUrl());
        assertEquals(3000, config.port());
        assertEquals(List.of(), config.alertChannels());
        assertEquals(BOT, config.botToken().reveal());
    }

    @Test
    void an_app_token_selects_socket_mode_without_a_signing_secret() {
        SlackConfig config = SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-A1-123-abc",
                "SLACK_API_URL", "http://127.0.0.1:9999/api", "PORT", "8080", "DATAOPS_ALERT_CHANNELS", " C1, C2 ,,C1", "DATAOPS_AUTO_RESOLVE", "TRUE"));
        assertTrue(config.socketMode());
        assertEquals(URI.create("http://127.0.0.1:9999/api/"), config.apiUrl());
        assertEquals(8080, config.port());
        assertEquals(List.of("C1", "C2"), config.alertChannels(), "in order, once each");
        assertTrue(config.autoResolve());
    }

    @Test
    void missing_or_malformed_variables_are_named_and_their_values_never_shown() {
        ConfigException noToken = assertThrows(ConfigException.class, () -> SlackConfig.fromEnv(env()));
        assertTrue(noToken.getMessage().startsWith("SLACK_BOT_TOKEN is not set"), noToken.getMessage());
        ConfigException noSecret = assertThrows(ConfigException.class, () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT)));
        assertTrue(noSecret.getMessage().startsWith("SLACK_SIGNING_SECRET is not set"), noSecret.getMessage());
        ConfigException wrongKind = assertThrows(ConfigException.class,
                () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxp-user-token-9876", "SLACK_SIGNING_SECRET", SIGNING)));
        assertTrue(wrongKind.getMessage().startsWith("SLACK_BOT_TOKEN does not start with xoxb-"), wrongKind.getMessage());
        assertFalse(wrongKind.getMessage().contains("9876"), "the value is not echoed");
        assertThrows(ConfigException.class, () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING, "PORT", "70000")));
        assertThrows(ConfigException.class, () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING, "PORT", "http")));
        assertThrows(ConfigException.class, () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING, "SLACK_API_URL", "ftp://x/")));
        ConfigException notBoolean = assertThrows(ConfigException.class,
                () -> SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING, "DATAOPS_AUTO_RESOLVE", "yes")));
        assertEquals("DATAOPS_AUTO_RESOLVE: 'yes' is not true or false", notBoolean.getMessage());
    }

    @Test
    void secrets_print_as_a_placeholder_even_inside_the_config() {
        SlackConfig config = SlackConfig.fromEnv(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SIGNING,
                "DATAOPS_WEBHOOK_TOKEN", "hook-secret-42"));
        String printed = config.toString();
        assertFalse(printed.contains(BOT) || printed.contains(SIGNING) || printed.contains("hook-secret-42"), printed);
        assertTrue(printed.contains("<secret>"), printed);
        assertTrue(config.webhookToken().orElseThrow().matches("hook-secret-42"));
        assertFalse(config.webhookToken().orElseThrow().matches("hook-secret-43"));
    }
}
