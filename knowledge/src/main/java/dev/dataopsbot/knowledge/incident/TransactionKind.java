package dev.dataopsbot.knowledge.incident;

/**
 * What a transaction does, which decides how it is isolated from the other writers (threads,
 * commands, replicas).
 */
enum TransactionKind {

    /** Reads only, all from one snapshot. */
    READ,
    /**
     * Writes that may read and then write anything (record an alert: "is there an open incident with
     * this fingerprint? else open one"): serialised with every other such write (SQLite: the file's
     * write lock; PostgreSQL: one transaction-scoped advisory lock).
     */
    WRITE,
    /**
     * Writes that change one incident, whose row they lock first ({@link IncidentRows#requireLocked}):
     * on PostgreSQL they wait only for writers of that incident, so changes to different incidents
     * commit side by side (and share the WAL's flushes); on SQLite the same as {@link #WRITE}.
     */
    INCIDENT_WRITE
}
