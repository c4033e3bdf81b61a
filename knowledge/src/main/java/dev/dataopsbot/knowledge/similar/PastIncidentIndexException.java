package dev.dataopsbot.knowledge.similar;

/**
 * The past-incident index cannot be written or read (a full disk, a read-only data folder). The
 * message names the folder, for the user; the SQLite store is not affected.
 */
public final class PastIncidentIndexException extends RuntimeException {

    public PastIncidentIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
