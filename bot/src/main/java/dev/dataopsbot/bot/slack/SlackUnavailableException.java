package dev.dataopsbot.bot.slack;

/** Slack's Web API could not be reached or refused the bot token; the message says where and what to check. */
public final class SlackUnavailableException extends RuntimeException {

    public SlackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
