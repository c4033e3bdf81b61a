package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;

/**
 * A rendered message: Block Kit blocks and the plain-text fallback Slack shows in notifications.
 *
 * @param text   the notification fallback (mrkdwn-escaped)
 * @param blocks at most 50 blocks
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }

    /** The blocks as JSON, serialised exactly as Bolt's client sends them. */
    public String blocksJson() {
        return GsonFactory.createSnakeCase().toJson(blocks);
    }
}
