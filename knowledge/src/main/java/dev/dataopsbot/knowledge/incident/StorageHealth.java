package dev.dataopsbot.knowledge.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the incident store can be written now, for {@code /healthz}: a write to the
 * {@code storage_probe} row (which fails while the database is locked by another process for
 * longer than {@link #PROBE_BUDGET}, read-only, damaged or on a full disk) and the free space
 * of the SQLite file's disk, which must stay above a floor so that alerts can still be stored (on
 * PostgreSQL the probe also fails when the server cannot be reached, so a replica that lost its
 * database answers 503 instead of acting alone). Checked
 * at most once per {@link #EVERY}; the answer in between is the last one.
 */
public final class StorageHealth {

    static final Duration PROBE_BUDGET = Duration.ofMillis(500);
    static final Duration EVERY = Duration.ofSeconds(1);

    /** The store's state: {@code problem} is empty when it can be written. */
    public record Status(Optional<String> problem, long freeBytes, Instant checkedAt) {

        public boolean writable() {
            return problem.isEmpty();
        }
    }

    private final IncidentDatabase database;
    private final Clock clock;
    private final long minFreeBytes;
    private Status last;

    /** @param minFreeBytes below this much free space on the database's disk the store counts as full */
    public StorageHealth(IncidentDatabase database, Clock clock, long minFreeBytes) {
        this.database = database;
        this.clock = clock;
        this.minFreeBytes = minFreeBytes;
    }

    public synchronized Status status() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.checkedAt().plus(EVERY))) {
            last = check(now);
        }
        return last;
    }

    private Status check(Instant now) {
        long free = freeBytes();
        if (free >= 0 && free < minFreeBytes) {
            return new Status(Optional.of("the disk is nearly full: " + free / (1024 * 1024) + " MiB free, "
                    + minFreeBytes / (1024 * 1024) + " MiB needed (DATAOPS_MIN_FREE_MB)"), free, now);
        }
        return new Status(database.probeWrite(PROBE_BUDGET, now), free, now);
    }

    /** Free space on the SQLite file's disk; -1 when unknown (PostgreSQL's disk is the server's to watch). */
    private long freeBytes() {
        if (database.file().isEmpty()) {
            return -1;
        }
        try {
            return Files.getFileStore(database.file().get()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
