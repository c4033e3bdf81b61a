package dev.dataopsbot.bot.incident;

import java.nio.file.Path;
import java.time.Clock;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.rules.text.Redactor;

/**
 * The incident store of one data folder, opened once per process: the database, the store that
 * records alerts, and the lifecycle commands (with free text redacted before it is stored).
 */
public final class IncidentKnowledge implements AutoCloseable {

    private final IncidentDatabase database;
    private final IncidentStore store;
    private final IncidentLifecycle lifecycle;

    private IncidentKnowledge(IncidentDatabase database, Clock clock) {
        this.database = database;
        this.store = new IncidentStore(database, clock);
        Redactor redactor = new Redactor();
        this.lifecycle = new IncidentLifecycle(database, clock, text -> redactor.redact(text).text());
    }

    /** @throws dev.dataopsbot.knowledge.incident.StoreException when the database cannot be opened */
    public static IncidentKnowledge open(Path dataDir, Clock clock) {
        return new IncidentKnowledge(IncidentDatabase.open(dataDir), clock);
    }

    public IncidentDatabase database() {
        return database;
    }

    public IncidentStore store() {
        return store;
    }

    public IncidentLifecycle lifecycle() {
        return lifecycle;
    }

    public TriageRecorder recorder() {
        return new TriageRecorder(store);
    }

    @Override
    public void close() {
        database.close();
    }
}
