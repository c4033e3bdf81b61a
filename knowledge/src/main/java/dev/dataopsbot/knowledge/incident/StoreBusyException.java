package dev.dataopsbot.knowledge.incident;

/**
 * The incident database is locked by another process (or this one's connection is busy) for
 * longer than the caller could wait: nothing was written, and trying again later may succeed.
 * Request handlers answer it with 503 so that the sender retries.
 */
public final class StoreBusyException extends StoreException {

    public StoreBusyException(String message) {
        super(message);
    }

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
