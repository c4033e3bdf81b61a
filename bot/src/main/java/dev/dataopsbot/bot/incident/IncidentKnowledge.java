package dev.dataopsbot.bot.incident;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.PendingReplies;
import dev.dataopsbot.knowledge.incident.TeamCase;
import dev.dataopsbot.knowledge.incident.TeamCases;
import dev.dataopsbot.knowledge.incident.TriageMessages;
import dev.dataopsbot.knowledge.cases.LabelledCase;
import dev.dataopsbot.knowledge.similar.PastIncidentIndex;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.similar.SimilarIncidentQuery;
import dev.dataopsbot.rules.redaction.Redactor;

/**
 * The incident store of one data folder, opened once per process: the database, the store that
 * records alerts, the lifecycle commands (with free text redacted before it is stored) and the
 * index of resolved incidents.
 */
public final class IncidentKnowledge implements AutoCloseable {

    private final Path dataDir;
    private final IncidentDatabase database;
    private final IncidentStore store;
    private final IncidentLifecycle lifecycle;
    private final TriageMessages triageMessages;
    private final PendingReplies pendingReplies;
    private final TeamCases teamCases;
    /** Loaded on first use: triage arrives redacted already, so a CLI triage never pays for a second catalogue. */
    private Redactor redactor;
    private PastIncidentIndex pastIncidents;

    private IncidentKnowledge(Path dataDir, IncidentDatabase database, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.store = new IncidentStore(database, clock);
        this.lifecycle = new IncidentLifecycle(database, clock, this::redact);
        this.triageMessages = new TriageMessages(database, clock);
        this.pendingReplies = new PendingReplies(database, clock);
        this.teamCases = new TeamCases(database, clock);
    }

    /** The SQLite store in {@code dataDir}. @throws dev.dataopsbot.knowledge.incident.StoreException when it cannot be opened */
    public static IncidentKnowledge open(Path dataDir, Clock clock) {
        return new IncidentKnowledge(dataDir, IncidentDatabase.open(dataDir), clock);
    }

    /**
     * The store of {@code config}: PostgreSQL when {@code DATAOPS_DATABASE_URL} is set (local indexes
     * still in the data folder), else the SQLite file in the data folder.
     *
     * @param poolSize PostgreSQL connections to keep (1 for a command, more for {@code serve})
     * @throws dev.dataopsbot.knowledge.incident.StoreException when the database cannot be opened
     */
    public static IncidentKnowledge open(BotConfig config, int poolSize, Clock clock) {
        IncidentDatabase database = config.databaseUrl().map(url -> IncidentDatabase.open(url, poolSize))
                .orElseGet(() -> IncidentDatabase.open(config.dataDir()));
        return new IncidentKnowledge(config.dataDir(), database, clock);
    }

    /**
     * Says loudly, through {@code out}, when opening created a new database: the default data folder
     * ({@code ./data}) is relative to the current directory, and a run from another directory
     * would otherwise start an empty history without a word.
     */
    public void announceIfCreated(java.util.function.Consumer<String> out) {
        if (database.created()) {
            out.accept(database.file().map(file -> "dataops-bot: created a new, empty incident database at "
                    + file.toAbsolutePath().normalize() + " (the data folder is DATAOPS_DATA_DIR or --data-dir, default ./data in the"
                    + " current directory; point it at your existing folder to keep one history)")
                    .orElse("dataops-bot: created the incident store's tables in " + database.location()));
        }
    }

    /** {@code text} without secrets and personal data, as the lifecycle stores free text (for echoing it back). */
    public String redact(String text) {
        return redactor().redact(text).text();
    }

    private synchronized Redactor redactor() {
        if (redactor == null) {
            redactor = new Redactor();
        }
        return redactor;
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

    /** Where each incident's triage message is in Slack. */
    public TriageMessages triageMessages() {
        return triageMessages;
    }

    /** Slack replies owed for stored alerts. */
    public PendingReplies pendingReplies() {
        return pendingReplies;
    }

    /** The team's own labelled cases (corrections, confirmations, imports). */
    public TeamCases teamCases() {
        return teamCases;
    }

    /** The team's cases as the nearest-neighbour vote reads them. */
    public List<LabelledCase> teamCaseLibrary() {
        return teamCases.list().stream().map(TeamCase::asCase).toList();
    }

    public TriageRecorder recorder() {
        return new TriageRecorder(store);
    }

    /**
     * The Lucene index of resolved incidents in {@code DATA_DIR/index/past-incidents}, opened on
     * first use and brought up to date with the database then.
     *
     * @throws dev.dataopsbot.knowledge.similar.PastIncidentIndexException when it cannot be opened or rebuilt
     */
    public synchronized PastIncidentIndex pastIncidents() {
        if (pastIncidents == null) {
            pastIncidents = PastIncidentIndex.open(database, dataDir);
        }
        return pastIncidents;
    }

    /** Resolved incidents like an alert of {@code failureMode}, leaving out {@code exclude} (may be null). */
    public List<SimilarIncident> similarTo(String failureMode, String system, String text, IncidentKey exclude, int limit) {
        return pastIncidents().search(new SimilarIncidentQuery(failureMode, system, text, exclude), limit);
    }

    /**
     * Resolved incidents like the one in {@code history}, from its mode, system, title and evidence,
     * leaving the incident itself out.
     *
     * @throws dev.dataopsbot.knowledge.similar.PastIncidentIndexException when the index cannot be opened or rebuilt
     */
    public List<SimilarIncident> similarTo(IncidentHistory history, int limit) {
        Incident incident = history.incident();
        String evidence = history.timeline().stream().filter(e -> e.kind() == EventKind.CLASSIFIED).findFirst()
                .map(e -> String.join("\n", e.detail().path("evidence").findValuesAsText("text")))
                .orElse("");
        return similarTo(incident.failureMode(), incident.source().system(), incident.title() + "\n" + evidence,
                incident.key(), limit);
    }

    @Override
    public synchronized void close() {
        if (pastIncidents != null) {
            pastIncidents.close();
        }
        database.close();
    }
}
