package dev.dataopsbot.bot.slack.message;

import java.util.regex.Pattern;

/** Who did something, as mrkdwn: a Slack user id becomes a mention, anyone else (the CLI's user, the bot) plain text. */
final class Mention {

    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");

    private Mention() {
    }

    static String of(String actor) {
        return SLACK_USER.matcher(actor).matches() ? "<@" + actor + ">" : BlockText.safe(actor, 80);
    }
}
