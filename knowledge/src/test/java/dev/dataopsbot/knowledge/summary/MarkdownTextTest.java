package dev.dataopsbot.knowledge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void a_cell_keeps_line_breaks_as_br_and_escapes_pipes_and_the_backslash_before_one() {
        assertEquals("a \\| b<br>c\\\\\\|d", MarkdownText.cell("a | b\r\n\r\n  c\\|d  ", 100));
    }

    @Test
    void a_long_cell_is_cut_with_an_ellipsis_within_its_limit() {
        String cell = MarkdownText.cell("x".repeat(10_000), 200);
        assertEquals(200, cell.length());
        assertTrue(cell.endsWith("x…"), cell);
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        assertEquals("ab…", MarkdownText.truncate("ab\uD83D\uDE00cd", 4));
    }

    @Test
    void continuation_lines_of_an_item_are_indented_and_start_no_block() {
        assertEquals("first\n  \\# heading\n  \\`\\`\\`\n  1\\. one\n  \\> quote\n  \\[x]: http://e.x",
                MarkdownText.block("first\n# heading\n\n```\n   1. one\n> quote\n[x]: http://e.x", "  "));
    }

    @Test
    void backticks_that_open_a_code_span_on_their_line_are_kept_and_others_escaped() {
        assertEquals("run `dbt build` now \\`", MarkdownText.inline("run `dbt build` now `"));
        assertEquals("`a\\|b` c", MarkdownText.cell("`a|b` c", 100));
    }

    @Test
    void html_tags_are_escaped_and_comparisons_left_alone() {
        assertEquals("\\<script>x\\</script> a < b", MarkdownText.inline("<script>x</script> a < b"));
    }

    @Test
    void control_characters_are_dropped_and_tabs_become_spaces() {
        assertEquals("ok bell!", MarkdownText.inline("ok\u0007\tbell\u0000!"));
    }

    @Test
    void a_code_span_survives_any_backticks_inside() {
        assertEquals("``a`b``", MarkdownText.code("a`b"));
        assertEquals("`` `a ``", MarkdownText.code("`a"));
        assertEquals("`plain`", MarkdownText.code("plain"));
    }
}
