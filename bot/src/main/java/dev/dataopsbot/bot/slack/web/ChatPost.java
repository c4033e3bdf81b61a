package dev.dataopsbot.bot.slack.web;

import java.time.Instant;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * A message to post: where ({@code threadTs} null for the channel itself), what, and the tag
 * that identifies it in Slack.
 *
 * @param attemptedAt        when an earlier post of it was first attempted, or null: such a post may have reached
 *                           Slack (a crash, a timeout or a 5xx since), so it is looked for by its tag before posting
 * @param beforeFirstAttempt runs once, just before the first request leaves (a stored reply is marked attempted)
 */
public record ChatPost(String channel, String threadTs, String text, List<LayoutBlock> blocks, ReplyTag tag,
                       Instant attemptedAt, Runnable beforeFirstAttempt) {

    /** A post nothing stored owes, never attempted before. */
    public static ChatPost of(String channel, String threadTs, String text, List<LayoutBlock> blocks, String about) {
        return new ChatPost(channel, threadTs, text, blocks, ReplyTag.once(about), null, () -> { });
    }

    /** What the log says the post was for. */
    String about() {
        return tag.about();
    }
}
