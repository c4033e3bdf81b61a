package dev.dataopsbot.bot.slack.message;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;

/**
 * Text within Slack's Block Kit limits, for one message or view. Text over a limit is cut with
 * "…" and the instance remembers it, so the message can say "(truncated)" instead of Slack
 * rejecting it. Markdown is always {@code verbatim}: Slack then leaves {@code @here}, channel names
 * and bare URLs in alert text alone; only links and mentions we write as {@code <...>} are parsed.
 */
final class BlockText {

    static final int MAX_BLOCKS = 50;
    /** Section text and context elements. */
    static final int MAX_TEXT = 3000;
    static final int MAX_FIELD = 2000;
    static final int MAX_HEADER = 150;
    /** Button, option and placeholder text. */
    static final int MAX_BUTTON = 75;
    static final int MAX_VIEW_TITLE = 24;
    /** Input labels and hints. */
    static final int MAX_LABEL = 2000;
    static final String ELLIPSIS = "…";

    private boolean truncated;

    /** True once any text or block list had to be cut. */
    boolean truncated() {
        return truncated;
    }

    /** mrkdwn text, cut to {@code max} characters. */
    MarkdownTextObject markdown(String mrkdwn, int max) {
        return MarkdownTextObject.builder().text(fit(mrkdwn, max)).verbatim(true).build();
    }

    PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(fit(text, max)).build();
    }

    /**
     * Cuts text to {@code max} characters ending in "…", never inside a surrogate pair, an escaped
     * entity ({@code &amp;}) or a link/mention ({@code <@U1>}), whose {@code <} is always ours.
     */
    String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        truncated = true;
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && text.indexOf(';', amp) >= end && end - amp < "&amp;".length()) {
            end = amp;
        }
        int open = text.lastIndexOf('<', end - 1);
        if (open > text.lastIndexOf('>', end - 1)) {
            end = open;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * At most 50 blocks: when there are more, the first 48, a context block saying how many were
     * left out, and the last block (the actions).
     */
    List<LayoutBlock> fit(List<LayoutBlock> blocks) {
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        truncated = true;
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 2));
        int left = blocks.size() - MAX_BLOCKS + 1;
        kept.add(ContextBlock.builder().elements(List.of(markdown("(truncated: " + left + " more blocks)", MAX_TEXT))).build());
        kept.add(blocks.get(blocks.size() - 1));
        return kept;
    }

    /** Escapes text from alerts and people for mrkdwn: {@code & < >}. */
    static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One line of at most {@code max} characters (whitespace runs collapsed, "…" when cut): a
     * deliberate shortening, such as a snippet in a list, not a Slack limit.
     */
    static String shorten(String raw, int max) {
        String line = raw.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** Escaped and shortened: alert text ready for mrkdwn. */
    static String safe(String raw, int max) {
        return escape(shorten(raw, max));
    }
}
