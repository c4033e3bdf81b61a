package dev.dataopsbot.bot.backtest;

import java.io.PrintStream;

/**
 * A progress line for long runs on a terminal ({@code replaying 1200/10000 alerts}), rewritten in
 * place at most a few times a second and cleared at the end. Silent when not on a terminal, so
 * logs and pipes get only the report.
 */
public final class TerminalProgress implements Backtest.Progress {

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private long last = System.nanoTime();
    private boolean shown;

    public TerminalProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void replayed(int done, int total) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS || (shown && done == total)) {
            last = now;
            shown = true;
            err.print("\rreplaying " + done + "/" + total + " alerts");
            err.flush();
        }
    }

    /** Clears the line, if one was shown. */
    public void done() {
        if (shown) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
