package dev.dataopsbot.bot.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void on_a_terminal_the_line_is_rewritten_in_place_and_cleared() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> now[0]);
        for (int i = 1; i <= 3; i++) {
            now[0] += 300_000_000L;  // 0.3 s per alert: a long run
            progress.replayed(i, 3);
        }
        progress.done();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\rreplaying "), shown);
        assertTrue(shown.contains("\rreplaying 3/3 alerts"), "the last count is always shown: " + shown);
        assertTrue(shown.endsWith("\r"), "cleared at the end");
        assertTrue(!shown.contains("\n"), "never a new line");
    }

    @Test
    void a_quick_run_shows_no_line() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> 0L);
        progress.replayed(1, 2);
        progress.replayed(2, 2);
        progress.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void elsewhere_it_prints_nothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.replayed(1, 1);
        progress.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
