package dev.dataopsbot.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code serve} needs beyond {@link BotConfig}: Slack credentials, the Web API base URL, the
 * HTTP port and the channels to watch. Read once from the environment; {@link #fromEnv} refuses a
 * missing or malformed variable with its name and the fix, never its value.
 *
 * @param botToken         {@code SLACK_BOT_TOKEN} (xoxb-...)
 * @param signingSecret    {@code SLACK_SIGNING_SECRET}; required in HTTP mode
 * @param appToken         {@code SLACK_APP_TOKEN} (xapp-...); when set, Socket Mode
 * @param apiUrl           {@code SLACK_API_URL}, ending with a slash
 * @param port             {@code PORT}
 * @param alertChannels    {@code DATAOPS_ALERT_CHANNELS} in the order given (the first is the webhook's default);
 *                         empty means every channel the bot is in
 * @param securityChannel  {@code DATAOPS_SECURITY_CHANNEL}
 * @param webhookToken     {@code DATAOPS_WEBHOOK_TOKEN}; webhooks are off without it
 * @param runbookBaseUrl   {@code DATAOPS_RUNBOOK_BASE_URL}: runbook links are this plus the runbook's path
 * @param autoResolve      {@code DATAOPS_AUTO_RESOLVE}: a source's recovery resolves the incident instead of only
 *                         marking it mitigated
 * @param minFreeMb        {@code DATAOPS_MIN_FREE_MB}: below this much free space on the database's disk
 *                         {@code /healthz} answers 503 (default 64)
 */
public record SlackConfig(
        Secret botToken,
        Optional<Secret> signingSecret,
        Optional<Secret> appToken,
        URI apiUrl,
        int port,
        List<String> alertChannels,
        Optional<String> securityChannel,
        Optional<Secret> webhookToken,
        Optional<URI> runbookBaseUrl,
        boolean autoResolve,
        long minFreeMb) {

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String PORT = "PORT";
    public static final String ALERT_CHANNELS = "DATAOPS_ALERT_CHANNELS";
    public static final String SECURITY_CHANNEL = "DATAOPS_SECURITY_CHANNEL";
    public static final String WEBHOOK_TOKEN = "DATAOPS_WEBHOOK_TOKEN";
    public static final String RUNBOOK_BASE_URL = "DATAOPS_RUNBOOK_BASE_URL";
    public static final String AUTO_RESOLVE = "DATAOPS_AUTO_RESOLVE";
    public static final String MIN_FREE_MB = "DATAOPS_MIN_FREE_MB";
    static final long DEFAULT_MIN_FREE_MB = 64;
    static final String DEFAULT_API_URL = "https://slack.com/api/";
    static final int DEFAULT_PORT = 3000;

    public SlackConfig {
        alertChannels = List.copyOf(alertChannels);
    }

    /** True when {@code SLACK_APP_TOKEN} is set: Slack is reached over a WebSocket, no public URL needed. */
    public boolean socketMode() {
        return appToken.isPresent();
    }

    /** @throws ConfigException naming the first variable that is missing or malformed */
    public static SlackConfig fromEnv(Map<String, String> env) {
        Secret botToken = token(env, BOT_TOKEN, "xoxb-", "the bot token from OAuth & Permissions")
                .orElseThrow(() -> new ConfigException(BOT_TOKEN + " is not set: copy the bot token (xoxb-...) "
                        + "from your Slack app's OAuth & Permissions page"));
        Optional<Secret> appToken = token(env, APP_TOKEN, "xapp-", "an app-level token with connections:write");
        Optional<Secret> signingSecret = value(env, SIGNING_SECRET).map(Secret::of);
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException(SIGNING_SECRET + " is not set: HTTP mode verifies every request with it (Basic "
                    + "Information > Signing Secret), or set " + APP_TOKEN + " for Socket Mode");
        }
        return new SlackConfig(botToken, signingSecret, appToken, apiUrl(env), port(env), channels(env),
                value(env, SECURITY_CHANNEL), value(env, WEBHOOK_TOKEN).map(Secret::of),
                value(env, RUNBOOK_BASE_URL).map(url -> httpUrl(RUNBOOK_BASE_URL, url)), flag(env, AUTO_RESOLVE),
                minFreeMb(env));
    }

    private static Optional<Secret> token(Map<String, String> env, String name, String prefix, String what) {
        Optional<String> token = value(env, name);
        if (token.isPresent() && !token.get().startsWith(prefix)) {
            throw new ConfigException(name + " does not start with " + prefix + ": it should be " + what);
        }
        return token.map(Secret::of);
    }

    private static URI apiUrl(Map<String, String> env) {
        String url = value(env, API_URL).orElse(DEFAULT_API_URL);
        return httpUrl(API_URL, url.endsWith("/") ? url : url + "/");
    }

    private static URI httpUrl(String name, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(name + ": '" + url + "' is not an http(s) URL such as " + DEFAULT_API_URL);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + ": '" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static int port(Map<String, String> env) {
        Optional<String> text = value(env, PORT);
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(PORT + ": '" + text.get() + "' is not a port number (1-65535)");
    }

    private static long minFreeMb(Map<String, String> env) {
        Optional<String> text = value(env, MIN_FREE_MB);
        if (text.isEmpty()) {
            return DEFAULT_MIN_FREE_MB;
        }
        try {
            long mb = Long.parseLong(text.get());
            if (mb >= 0) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(MIN_FREE_MB + ": '" + text.get() + "' is not a number of megabytes (0 or more)");
    }

    private static List<String> channels(Map<String, String> env) {
        return value(env, ALERT_CHANNELS).map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList()).orElse(List.of());
    }

    private static boolean flag(Map<String, String> env, String name) {
        Optional<String> text = value(env, name);
        if (text.isEmpty() || text.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (text.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException(name + ": '" + text.get() + "' is not true or false");
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
