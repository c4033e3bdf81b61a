package dev.dataopsbot.bot.slack.web;

import java.net.URI;
import java.time.Duration;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;

/**
 * The Slack SDK client every Web API call goes through, pointed at {@code SLACK_API_URL}. A call
 * waits at most {@link #READ_TIMEOUT} for Slack's answer to start and {@link #CALL_TIMEOUT} in
 * all, so a hung Slack ends a call instead of a thread. OkHttp's own retry of a request whose
 * connection failed after it was written is off: for {@code chat.postMessage} that retry is a
 * second post Slack may already have taken; {@link ConfirmedPoster} looks first instead.
 */
public final class SlackClient {

    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private SlackClient() {
    }

    public static Slack create(URI apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        config.setHttpClientReadTimeoutMillis(Math.toIntExact(READ_TIMEOUT.toMillis()));
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(CALL_TIMEOUT.toMillis()));
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false).build());
        http.setConfig(config);
        return Slack.getInstance(config, http);
    }
}
