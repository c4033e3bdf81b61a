package dev.dataopsbot.knowledge.similar;

import java.io.IOException;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * Searchers over the last commit of the past-incident index this process has seen. Any thread may
 * search; refreshes (one at a time) move them to a newer commit. Absent while the folder holds no
 * readable commit of this format.
 */
final class PastIncidentSearchers implements AutoCloseable {

    /** The commit being searched. */
    record Commit(long generation, Watermark watermark) {
    }

    /** Work on one acquired searcher. */
    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private final Directory directory;
    /** Null while no commit can be opened. */
    private volatile SearcherManager manager;
    private volatile boolean closed;

    PastIncidentSearchers(Directory directory) {
        this.directory = directory;
    }

    /**
     * Runs {@code work} on a searcher of the searched commit, or returns {@code absent} when there
     * is none or it is of another format.
     */
    <T> T withSearcher(T absent, SearcherWork<T> work) throws IOException {
        while (true) {
            SearcherManager current = manager;
            if (current == null) {
                return absent;
            }
            IndexSearcher searcher;
            try {
                searcher = current.acquire();
            } catch (AlreadyClosedException e) {
                if (closed) {
                    throw e;
                }
                continue; // a refresh replaced the manager in between: take the new one
            }
            try {
                if (!Watermark.of((DirectoryReader) searcher.getIndexReader()).isCurrentFormat()) {
                    return absent;
                }
                return work.run(searcher);
            } finally {
                current.release(searcher);
            }
        }
    }

    /** The searched commit, opening the folder's last commit on first use; null when there is none. */
    Commit commit() throws IOException {
        if (manager == null) {
            manager = open();
        }
        return withSearcher(null, searcher -> {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            return new Commit(reader.getIndexCommit().getGeneration(), Watermark.of(reader));
        });
    }

    /**
     * Moves searches to the folder's last commit. A rebuilt index may reuse the old file names (its
     * folder was deleted or wiped), so it gets new searchers instead of refreshing the old ones.
     */
    void reopen(boolean rebuilt) throws IOException {
        SearcherManager current = manager;
        if (current != null && !rebuilt) {
            try {
                current.maybeRefresh();
                return;
            } catch (IOException | IllegalArgumentException e) {
                // the new commit cannot be opened from the old reader: open it afresh below
            }
        }
        manager = open();
        if (current != null) {
            current.close();
        }
    }

    private SearcherManager open() {
        try {
            return new SearcherManager(directory, null);
        } catch (IOException | IllegalArgumentException e) {
            return null; // missing or unreadable: the next refresh that gets the write lock rebuilds it
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (manager != null) {
            manager.close();
        }
    }
}
