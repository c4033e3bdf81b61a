package dev.dataopsbot.bot.cli;

/** Exit codes of the contract: 0 success, 1 a failure the command reports, 2 bad usage. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
