package dev.dataopsbot.bot.alert;

/**
 * One plain-text alert from a channel message, in the order a reader sees it, one line per piece,
 * repeated lines dropped, Slack markup decoded, at most 1 MiB.
 *
 * <p>Without blocks Slack shows the message text, then the attachments. With blocks the message
 * text is only the notification fallback: the blocks come first and the text is kept (ahead of
 * them) only when it says something they do not.
 */
public final class AlertMessageText {

    private final SlackMarkup markup = new SlackMarkup();
    private final BlockText blockText = new BlockText(markup);
    private final AttachmentText attachmentText = new AttachmentText(markup, blockText);

    /** The alert text of {@code message}; empty when it has none. */
    public String extract(ChannelMessage message) {
        String text = markup.decode(message.text());
        if (message.blocks() == null || message.blocks().isEmpty()) {
            DistinctLines lines = new DistinctLines();
            lines.add(text);
            attachmentText.walk(message.attachments(), lines);
            return lines.text();
        }
        DistinctLines shown = new DistinctLines();
        blockText.walk(message.blocks(), shown);
        attachmentText.walk(message.attachments(), shown);
        if (text.isBlank() || shown.covered(text)) {
            return shown.text();
        }
        DistinctLines lines = new DistinctLines();
        lines.add(text);
        lines.add(shown.text());
        return lines.text();
    }
}
