package dev.dataopsbot.knowledge.similar;

/**
 * What a refresh of the past-incident index did.
 *
 * @param indexed   resolved incidents (re)indexed
 * @param removed   changed incidents that are not resolved (reopened, or new and still open):
 *                  taken out of the index if they were in it
 * @param watermark the last timeline event the searched index reflects
 */
public record IndexRefresh(Outcome outcome, int indexed, int removed, long watermark) {

    public enum Outcome {
        /** Nothing in SQLite changed the index. */
        UNCHANGED,
        /** Incidents changed since the last refresh were re-indexed or removed. */
        UPDATED,
        /** The index was missing, unreadable, of another format or ahead of the database, and was rebuilt. */
        REBUILT,
        /** Another process holds the write lock: searches use the last index it committed. */
        LOCKED
    }
}
