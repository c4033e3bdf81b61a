package dev.dataopsbot.bot.slack;

import java.time.Clock;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.dataopsbot.bot.config.SlackConfig;

/**
 * The Bolt app: its handlers, the signing secret that verifies every request, and a Web API
 * client pointed at {@code SLACK_API_URL}.
 */
public final class SlackBot {

    private SlackBot() {
    }

    /** @throws SlackUnavailableException when Slack cannot confirm the bot token (Bolt calls auth.test here) */
    public static App create(SlackConfig config) {
        com.slack.api.SlackConfig client = new com.slack.api.SlackConfig();
        client.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
        Slack slack = Slack.getInstance(client);
        AppConfig.AppConfigBuilder app = AppConfig.builder()
                .singleTeamBotToken(config.botToken().reveal())
                .slack(slack);
        // our SignatureVerification replaces Bolt's check (constant-time, rejects future timestamps)
        app.requestVerificationEnabled(false);
        try {
            App bolt = new App(app.build());
            config.signingSecret().ifPresent(secret -> bolt.use(new SignatureVerification(secret, Clock.systemUTC())));
            bolt.command(DataopsCommand.NAME, new DataopsCommand());
            return bolt.start();
        } catch (RuntimeException e) {
            throw new SlackUnavailableException("cannot check " + SlackConfig.BOT_TOKEN + " with auth.test at "
                    + config.apiUrl() + ": " + e.getMessage() + " (is Slack reachable, or " + SlackConfig.API_URL
                    + " right, and is the token valid?)", e);
        }
    }
}
