package dev.dataopsbot.knowledge.incident;

/**
 * The incident store cannot do what was asked: a locked, corrupt, foreign or read-only database,
 * a schema from a newer dataops-bot. The message names the file and what to do, for the user.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
