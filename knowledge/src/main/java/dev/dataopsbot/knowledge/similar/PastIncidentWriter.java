package dev.dataopsbot.knowledge.similar;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.similar.PastIncidentReader.Changes;

/**
 * Writes the past-incident index from SQLite: takes the write lock for one refresh, updates the
 * incidents changed since the last commit's watermark or rebuilds everything, commits with the
 * new watermark and lets go. A failure before the commit leaves the last commit as it was.
 */
final class PastIncidentWriter {

    static final String READING = "cannot read incidents for the past-incident index from";

    private final IncidentDatabase database;
    private final FSDirectory directory;
    private final Analyzer analyzer;
    private final PastIncidentReader incidents;

    PastIncidentWriter(IncidentDatabase database, FSDirectory directory, Analyzer analyzer, PastIncidentReader incidents) {
        this.database = database;
        this.directory = directory;
        this.analyzer = analyzer;
        this.incidents = incidents;
    }

    /**
     * Updates the index to the database, rebuilding it when the last commit is unreadable, of
     * another format or ahead of {@code lastEventId}.
     *
     * @param searchable whether this process could search the last commit it saw; if not, the
     *                   commit is opened once more before it is rebuilt (another process may have
     *                   just built it)
     * @return null when another process holds the write lock
     */
    IndexRefresh write(long lastEventId, boolean searchable) throws IOException {
        IndexWriter writer;
        boolean wiped = false;
        if (!emptyLockFile()) {
            return null;
        }
        try {
            writer = new IndexWriter(directory, config(OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            // the last commit cannot be read: nothing in it is worth keeping
            if (!wipe()) {
                return null;
            }
            wiped = true;
            try {
                writer = new IndexWriter(directory, config(OpenMode.CREATE));
            } catch (LockObtainFailedException locked) {
                return null;
            }
        }
        try (IndexWriter w = writer) {
            Watermark committed = wiped ? null
                    : searchable ? current(Watermark.of(liveCommitData(w))) : readableCommit();
            IndexRefresh refresh = committed == null || lastEventId < committed.lastEventId()
                    ? rebuild(w) : update(w, committed);
            w.commit();
            return refresh;
        }
    }

    /**
     * Lucene's lock file must be empty, or every write fails; one written over (by a bad copy, a
     * disk error) is emptied under the lock. False when another process holds the lock.
     */
    private boolean emptyLockFile() throws IOException {
        Path lockFile = directory.getDirectory().resolve(IndexWriter.WRITE_LOCK_NAME);
        if (!Files.isRegularFile(lockFile) || Files.size(lockFile) == 0) {
            return true;
        }
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
             FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            return true;
        } catch (LockObtainFailedException e) {
            return false;
        }
    }

    /** Deletes every index file under the write lock; false when another process holds it. */
    private boolean wipe() throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
            return true;
        } catch (LockObtainFailedException e) {
            return false;
        }
    }

    private static Map<String, String> liveCommitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    private static Watermark current(Watermark watermark) {
        return watermark.isCurrentFormat() ? watermark : null;
    }

    /** The watermark of the last commit when a reader can open it and it is of this format; else null. */
    private Watermark readableCommit() {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return current(Watermark.of(reader));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private IndexRefresh rebuild(IndexWriter writer) throws IOException {
        // the watermark is read first: whatever changes while the pages are read is newer and is seen next time
        long watermark = database.read(READING, incidents::lastEventId);
        writer.deleteAll();
        int indexed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<PastIncident> page = database.read(READING,
                    c -> incidents.resolved(c, incidents.resolvedIds(c, from, PastIncidentIndex.PAGE)));
            if (page.isEmpty()) {
                break;
            }
            for (PastIncident incident : page) {
                writer.addDocument(PastIncidentDocument.of(incident));
            }
            indexed += page.size();
            after = page.get(page.size() - 1).key().number();
        }
        writer.setLiveCommitData(Watermark.current(watermark).userData().entrySet());
        return new IndexRefresh(IndexRefresh.Outcome.REBUILT, indexed, 0, watermark);
    }

    private IndexRefresh update(IndexWriter writer, Watermark committed) throws IOException {
        Changes changes = database.read(READING, c -> incidents.changedSince(c, committed.lastEventId()));
        if (changes.incidentIds().isEmpty()) {
            return new IndexRefresh(IndexRefresh.Outcome.UNCHANGED, 0, 0, committed.lastEventId());
        }
        int indexed = 0;
        int removed = 0;
        List<Long> ids = changes.incidentIds();
        for (int start = 0; start < ids.size(); start += PastIncidentIndex.PAGE) {
            List<Long> page = ids.subList(start, Math.min(ids.size(), start + PastIncidentIndex.PAGE));
            List<PastIncident> resolved = database.read(READING, c -> incidents.resolved(c, page));
            Set<Long> stillResolved = new HashSet<>();
            for (PastIncident incident : resolved) {
                writer.updateDocument(PastIncidentDocument.key(incident.key()), PastIncidentDocument.of(incident));
                stillResolved.add(incident.key().number());
            }
            for (long id : page) {
                if (!stillResolved.contains(id)) {
                    writer.deleteDocuments(PastIncidentDocument.key(new IncidentKey(id)));
                    removed++;
                }
            }
            indexed += resolved.size();
        }
        writer.setLiveCommitData(Watermark.current(changes.lastEventId()).userData().entrySet());
        return new IndexRefresh(IndexRefresh.Outcome.UPDATED, indexed, removed, changes.lastEventId());
    }

    private IndexWriterConfig config(OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64)
                // a refresh that fails half-way leaves the last commit as it was
                .setCommitOnClose(false);
    }
}
