package dev.dataopsbot.bot.server;

import java.time.Clock;

import com.slack.api.bolt.App;
import dev.dataopsbot.bot.config.Secret;

/**
 * What {@code POST /slack/events} serves: the Bolt app, the signing secret its requests are
 * verified with, and the clock their timestamps are checked against.
 */
public record SlackEndpoint(App app, Secret signingSecret, Clock clock) {
}
