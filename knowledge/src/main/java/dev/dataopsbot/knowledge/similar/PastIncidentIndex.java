package dev.dataopsbot.knowledge.similar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.similar.PastIncidentReader.Changes;
import dev.dataopsbot.knowledge.similar.PastIncidentSearchers.Commit;

/**
 * A Lucene index of resolved incidents on disk ({@code DATA_DIR/index/past-incidents}), kept in
 * step with the SQLite store, which is the source of truth.
 *
 * <p>Each commit records the last timeline event it reflects ({@link Watermark}). {@link #refresh()}
 * asks SQLite for the newest event id; when the commit has it, nothing else happens. Otherwise the
 * incidents with newer events are re-indexed, or taken out when no longer resolved (reopened). A
 * missing or unreadable index, one of another format, or one ahead of the database is rebuilt.
 *
 * <p>Two processes (the CLI and the server) may share the folder. The write lock is held only while
 * a refresh writes; a refresh that finds it taken leaves the index to its holder and searches the
 * last commit. Searches run on any thread, against the commit the last refresh saw.
 */
public final class PastIncidentIndex implements AutoCloseable {

    /** The index folder inside the data folder. */
    public static final String FOLDER = "index/past-incidents";
    /** Incidents read from SQLite per transaction. */
    static final int PAGE = 500;
    /** Best first; equal scores newest first (a recent fix is likelier to still apply). */
    private static final Sort BEST_THEN_NEWEST = new Sort(SortField.FIELD_SCORE,
            new SortField(PastIncidentDocument.NUMBER, SortField.Type.LONG, true));

    private final IncidentDatabase database;
    private final Path folder;
    private final FSDirectory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final SimilarityQuery queries = new SimilarityQuery(analyzer);
    private final PastIncidentReader incidents = new PastIncidentReader();
    private final PastIncidentSearchers searchers;
    private final PastIncidentWriter writer;
    private final Object refreshing = new Object();
    /** Events up to here touched only incidents the searched commit rightly lacks; guarded by {@link #refreshing}. */
    private Checked checked;

    /** Events after the commit of this generation, up to {@code lastEventId}, need no index change. */
    private record Checked(long generation, long lastEventId) {
    }

    private PastIncidentIndex(IncidentDatabase database, Path folder, FSDirectory directory) {
        this.database = database;
        this.folder = folder;
        this.directory = directory;
        this.searchers = new PastIncidentSearchers(directory);
        this.writer = new PastIncidentWriter(database, directory, analyzer, incidents);
    }

    /**
     * Opens the index in {@code dataDir} and brings it up to date with the database: built on first
     * use, rebuilt when unreadable, else updated with what changed since its last commit.
     */
    public static PastIncidentIndex open(IncidentDatabase database, Path dataDir) {
        Path folder = dataDir.resolve(FOLDER);
        FSDirectory directory;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
        } catch (IOException e) {
            throw new PastIncidentIndexException("cannot open the past-incident index folder " + folder + ": " + e, e);
        }
        PastIncidentIndex index = new PastIncidentIndex(database, folder, directory);
        try {
            index.refresh();
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    public Path folder() {
        return folder;
    }

    /** Brings the index up to date with the database; one SQL query when nothing changed. */
    public IndexRefresh refresh() {
        synchronized (refreshing) {
            try {
                long last = database.read(PastIncidentWriter.READING, incidents::lastEventId);
                Commit commit = searchers.commit();
                if (commit != null) {
                    long indexed = commit.watermark().lastEventId();
                    boolean checkedAlready = checked != null && checked.generation() == commit.generation()
                            && last >= indexed && last <= checked.lastEventId();
                    if (last == indexed || checkedAlready || (last > indexed && nothingToWrite(commit))) {
                        return new IndexRefresh(IndexRefresh.Outcome.UNCHANGED, 0, 0, indexed);
                    }
                }
                IndexRefresh written = writer.write(last, commit != null);
                checked = null;
                if (written == null) {
                    searchers.reopen(false);
                    Commit searched = searchers.commit();
                    return new IndexRefresh(IndexRefresh.Outcome.LOCKED, 0, 0,
                            searched == null ? 0 : searched.watermark().lastEventId());
                }
                searchers.reopen(written.outcome() == IndexRefresh.Outcome.REBUILT);
                return written;
            } catch (IOException e) {
                throw new PastIncidentIndexException("cannot update the past-incident index in " + folder + ": " + e
                        + "; deleting the folder makes the next start rebuild it from the incident database", e);
            }
        }
    }

    /**
     * True, and remembered, when every incident changed since the commit is unresolved and absent
     * from it: new alerts on open incidents, the usual case, need no commit.
     */
    private boolean nothingToWrite(Commit commit) throws IOException {
        record Look(Changes changes, List<PastIncident> resolved) {
        }
        Look look = database.read(PastIncidentWriter.READING, c -> {
            Changes changes = incidents.changedSince(c, commit.watermark().lastEventId());
            return new Look(changes, changes.incidentIds().size() > PAGE ? null
                    : incidents.resolved(c, changes.incidentIds()));
        });
        if (look.resolved() == null || !look.resolved().isEmpty() || anyIndexed(look.changes().incidentIds())) {
            return false;
        }
        checked = new Checked(commit.generation(), look.changes().lastEventId());
        return true;
    }

    private boolean anyIndexed(List<Long> ids) throws IOException {
        return searchers.withSearcher(true, searcher -> {
            for (long id : ids) {
                if (searcher.count(new TermQuery(PastIncidentDocument.key(new IncidentKey(id)))) > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Up to {@code limit} resolved incidents like the query, best first (see {@link SimilarityQuery}
     * for which qualify). Searches the commit the last refresh saw; empty while there is none.
     */
    public List<SimilarIncident> search(SimilarIncidentQuery query, int limit) {
        if (limit < 1) {
            return List.of();
        }
        try {
            return searchers.withSearcher(List.of(), searcher -> search(searcher, query, limit));
        } catch (IOException e) {
            throw new PastIncidentIndexException("cannot search the past-incident index in " + folder + ": " + e, e);
        }
    }

    private List<SimilarIncident> search(IndexSearcher searcher, SimilarIncidentQuery query, int limit)
            throws IOException {
        List<Hit> best = new ArrayList<>();
        for (Query lucene : queries.build(searcher, query)) {
            TopFieldDocs top = searcher.search(lucene, limit, BEST_THEN_NEWEST, true);
            for (ScoreDoc hit : top.scoreDocs) {
                best.add(new Hit(hit.doc, hit.score, (Long) ((FieldDoc) hit).fields[1]));
            }
        }
        best.sort(Hit.BEST_THEN_NEWEST);
        StoredFields stored = searcher.storedFields();
        List<SimilarIncident> hits = new ArrayList<>(limit);
        for (Hit hit : best.subList(0, Math.min(limit, best.size()))) {
            hits.add(PastIncidentDocument.hit(stored.document(hit.doc()), hit.score()));
        }
        return hits;
    }

    /** A hit of one of the queries; the queries match disjoint incidents. */
    private record Hit(int doc, float score, long number) {
        static final Comparator<Hit> BEST_THEN_NEWEST = Comparator.comparingDouble((Hit h) -> -h.score())
                .thenComparing(Comparator.comparingLong(Hit::number).reversed());
    }

    /** The number of incidents in the searched commit. */
    public int size() {
        try {
            return searchers.withSearcher(0, searcher -> searcher.getIndexReader().numDocs());
        } catch (IOException e) {
            throw new PastIncidentIndexException("cannot read the past-incident index in " + folder + ": " + e, e);
        }
    }

    @Override
    public void close() {
        synchronized (refreshing) {
            try (analyzer; directory; searchers) {
                // closed in reverse order: searchers, directory, analyzer
            } catch (IOException e) {
                throw new PastIncidentIndexException("cannot close the past-incident index in " + folder + ": " + e, e);
            }
        }
    }
}
