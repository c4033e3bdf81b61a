package dev.dataopsbot.bot.slack.message;

import java.util.List;

/**
 * Alert text inside mrkdwn code spans and blocks. Backticks next to each other get a zero-width
 * space between them, so nothing in the text can close the block; the text is escaped too, as
 * Slack decodes entities inside code.
 */
final class Code {

    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private Code() {
    }

    static String inline(String raw) {
        return "`" + BlockText.escape(raw.replace("`", "'")) + "`";
    }

    /** A code block of lines already escaped with {@link #line}; {@code max} bounds the whole block. */
    static String block(List<String> lines, BlockText text, int max) {
        String fences = "```\n\n```";
        return "```\n" + text.fit(String.join("\n", lines), max - fences.length()) + "\n```";
    }

    /** One line for a code block: shortened, backtick runs broken, escaped. */
    static String line(String raw, int max) {
        return BlockText.escape(BlockText.shorten(raw, max).replaceAll("`(?=`)", "`" + ZERO_WIDTH_SPACE));
    }
}
