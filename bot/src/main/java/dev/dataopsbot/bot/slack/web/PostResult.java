package dev.dataopsbot.bot.slack.web;

import java.util.Optional;

import dev.dataopsbot.knowledge.incident.MessageRef;

/**
 * How a post ended: Slack confirmed it ({@code at} is where it landed, also when it was found by
 * its tag after an unknown outcome), Slack refused it for good ({@code channel_not_found},
 * {@code not_in_channel}, ...: posting again cannot help), or it is still owed (Slack unreachable,
 * failing or rate limiting for the whole round of tries; a stored reply is tried again later).
 */
public record PostResult(Status status, MessageRef at, String error) {

    public enum Status { POSTED, REFUSED, OWED }

    /** Nothing had to be posted (e.g. a throttled pointer): settled without a message. */
    public static PostResult nothingToPost() {
        return new PostResult(Status.POSTED, null, null);
    }

    static PostResult posted(MessageRef at) {
        return new PostResult(Status.POSTED, at, null);
    }

    static PostResult refused(String error) {
        return new PostResult(Status.REFUSED, null, error);
    }

    static PostResult owed(String reason) {
        return new PostResult(Status.OWED, null, reason);
    }

    public boolean posted() {
        return status == Status.POSTED;
    }

    public Optional<MessageRef> where() {
        return Optional.ofNullable(at);
    }
}
