package dev.dataopsbot.bot.backtest;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A progress line for long runs on a terminal ({@code replaying 1200/10000 alerts}), rewritten in
 * place at most four times a second and cleared at the end; a run shorter than a quarter second
 * shows none. Silent when not on a terminal, so logs and pipes get only the report.
 */
public final class TerminalProgress implements Backtest.Progress {

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long last;
    private boolean shown;

    public TerminalProgress(PrintStream err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    TerminalProgress(PrintStream err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    @Override
    public void replayed(int done, int total) {
        if (!terminal) {
            return;
        }
        long now = nanoTime.getAsLong();
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
