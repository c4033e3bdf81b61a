package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import org.junit.jupiter.api.Test;

class BlockTextTest {

    @Test
    void escapes_mrkdwn_control_characters() {
        assertEquals("&lt;!channel&gt; &amp; &lt;@U1&gt;", BlockText.escape("<!channel> & <@U1>"));
    }

    @Test
    void text_within_the_limit_is_left_alone() {
        BlockText text = new BlockText();
        assertEquals("short", text.fit("short", 10));
        assertFalse(text.truncated());
    }

    @Test
    void cut_text_ends_with_an_ellipsis_and_is_remembered() {
        BlockText text = new BlockText();
        assertEquals("abcd…", text.fit("abcdefghij", 5));
        assertTrue(text.truncated());
    }

    @Test
    void a_cut_never_splits_an_entity_a_mention_or_a_surrogate_pair() {
        BlockText text = new BlockText();
        assertEquals("ab…", text.fit("ab&amp;cdef", 6));
        assertEquals("hi …", text.fit("hi <@U123> there", 8));
        assertEquals("a…", text.fit("a\uD83D\uDE00bcd", 3));
        assertEquals("a&lt;…", text.fit("a&lt;bcdef", 6));
        assertEquals("a…", text.fit("a&lt;bcdef", 5));
    }

    @Test
    void shortening_collapses_whitespace_into_one_line() {
        assertEquals("one two three", BlockText.shorten("  one\n two\t\tthree ", 100));
        assertEquals("one two…", BlockText.shorten("one two three", 9));
    }

    @Test
    void more_than_fifty_blocks_keep_the_first_ones_say_how_many_were_left_out_and_keep_the_last() {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            blocks.add(DividerBlock.builder().blockId("b" + i).build());
        }
        BlockText text = new BlockText();
        List<LayoutBlock> fitted = text.fit(blocks);
        assertEquals(BlockText.MAX_BLOCKS, fitted.size());
        assertSame(blocks.get(47), fitted.get(47));
        assertEquals("(truncated: 11 more blocks)",
                ((MarkdownTextObject) ((ContextBlock) fitted.get(48)).getElements().get(0)).getText());
        assertSame(blocks.get(59), fitted.get(49));
        assertTrue(text.truncated());
    }

    @Test
    void code_lines_cannot_close_their_block() {
        assertEquals("a`\u200B`\u200B` &amp; b", Code.line("a``` & b", 100));
    }
}
