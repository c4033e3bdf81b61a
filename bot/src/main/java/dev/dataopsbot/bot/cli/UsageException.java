package dev.dataopsbot.bot.cli;

/** The command was called wrongly (a missing file, a bad argument): exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
