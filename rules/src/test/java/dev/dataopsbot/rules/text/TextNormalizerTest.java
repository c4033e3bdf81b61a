package dev.dataopsbot.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void ansi_colours_and_crlf_are_removed() {
        assertEquals("ERROR boom\nnext", normalizer.normalize("\u001B[31mERROR\u001B[0m boom\r\nnext\r"));
    }

    @Test
    void slack_markup_becomes_plain_text() {
        String slack = "```Task failed: &lt;TaskInstance: a.b&gt; &amp; more```\nsee <https://airflow.example.com/log?x=1|the log> cc <@U123> in <#C42|alerts>";
        assertEquals("Task failed: <TaskInstance: a.b> & more\n\nsee the log (https://airflow.example.com/log?x=1) cc @U123 in #alerts",
                normalizer.normalize(slack));
    }

    @Test
    void control_bytes_are_replaced_not_fatal() {
        assertEquals("a\uFFFDb\tc", normalizer.normalize("a\u0000b\tc"));
    }

    @Test
    void oversized_text_keeps_head_and_tail_and_marks_the_cut() {
        String text = "HEAD" + "x".repeat(3 << 20) + "TAIL";
        String out = normalizer.normalize(text);
        assertTrue(out.startsWith("HEAD") && out.endsWith("TAIL"));
        assertTrue(out.contains("cut by dataops-bot"), "the cut is marked");
        assertTrue(out.length() < InputLimits.MAX_CHARS + 200);
    }

    /** Redaction runs after the cut: half a token would no longer be recognised, so a cut never splits a word. */
    @Test
    void the_cut_drops_a_word_it_would_split_so_no_half_token_is_kept() {
        String token = "ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM";
        int half = InputLimits.MAX_CHARS / 2;
        String head = "word ".repeat(half / 5 - 4) + "pad " + token + " ";
        String tail = " " + token + " pad" + " word".repeat(half / 5 - 5);
        String out = normalizer.normalize(head + "x".repeat(100) + tail);
        assertFalse(out.contains("ghp_"), "the token's parts on either side of the cut are dropped");
        assertTrue(out.contains("pad ") && out.contains(" pad"), "the words around them are kept");
    }

    @Test
    void hostile_markup_is_normalised_in_linear_time() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            normalizer.normalize("<".repeat(1 << 20));
            normalizer.normalize("<a|".repeat(1 << 18));
            normalizer.normalize("\u001B[".repeat(1 << 19));
        });
    }
}
