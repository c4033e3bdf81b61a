package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An in-memory Lucene index of the runbook library: prebuilt at build time for the bundled
 * runbooks, built at start-up for a user's folder (hundreds of runbooks take well under a second). BM25 over title and body; the failure mode is a filter,
 * so the top hit always lists the mode the classifier chose when any runbook does. Queries are
 * built term by term from analysed text: nothing a user pastes is ever parsed as query syntax.
 */
public final class RunbookIndex implements AutoCloseable {

    private static final int MAX_QUERY_TERMS = 20;
    /** A runbook written for the failing system beats a generic one with more matching words. */
    private static final float SYSTEM_BOOST = 10f;
    private static final String ID = "id";
    private static final String MODES = "failure_modes";
    private static final String APPLIES_TO = "applies_to";
    private static final String TITLE = "title";
    private static final String BODY = "body";

    private final Analyzer analyzer;
    private final Directory directory;
    private final List<Runbook> runbooks;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final RunbookSnippets snippets;
    private final TermStatistics termStatistics;
    /** Document i of the directory is runbooks[i]: one segment, written in list order, no deletions. */
    private RunbookIndex(List<Runbook> runbooks, Directory directory, Analyzer analyzer) throws IOException {
        this.runbooks = List.copyOf(runbooks);
        this.directory = directory;
        this.analyzer = analyzer;
        this.reader = DirectoryReader.open(directory);
        if (reader.maxDoc() != this.runbooks.size()) {
            throw new IllegalStateException("runbook index holds " + reader.maxDoc() + " documents for " + this.runbooks.size() + " runbooks");
        }
        this.searcher = new IndexSearcher(reader);
        // a few hundred documents in memory: caching filters saves nothing and costs bookkeeping
        this.searcher.setQueryCache(null);
        this.termStatistics = new TermStatistics(reader, MODES, APPLIES_TO, TITLE, BODY);
        this.snippets = new RunbookSnippets(allTerms(analyzer));
    }

    /** Indexes runbooks in memory (a user's runbook folder). */
    public static RunbookIndex build(List<Runbook> runbooks) {
        Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try {
            write(runbooks, directory, analyzer);
            return new RunbookIndex(runbooks, directory, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("building the runbook index", e);
        }
    }

    /**
     * The index of the bundled runbooks, built at build time by {@link RunbookIndexBundler} and
     * loaded from the classpath: start-up skips YAML parsing and index writing.
     */
    public static RunbookIndex bundled() {
        try {
            BundledRunbookIndex bundle = BundledRunbookIndex.load();
            return new RunbookIndex(bundle.runbooks(), bundle.directory(), new EnglishAnalyzer());
        } catch (IOException e) {
            throw new UncheckedIOException("loading the bundled runbook index", e);
        }
    }

    static void write(List<Runbook> runbooks, Directory directory, Analyzer analyzer) throws IOException {
        // one in-memory segment, flushed once: document i is runbooks[i] (checked when opened)
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(256)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Runbook runbook : runbooks) {
                writer.addDocument(document(runbook));
            }
            writer.commit();
        }
    }

    /** The runbooks in index order. */
    public List<Runbook> runbooks() {
        return runbooks;
    }

    public int size() {
        return runbooks.size();
    }

    private static Document document(Runbook runbook) {
        Document doc = new Document();
        doc.add(new StringField(ID, runbook.id(), Field.Store.NO));
        runbook.failureModes().forEach(mode -> doc.add(new StringField(MODES, mode, Field.Store.NO)));
        runbook.appliesTo().forEach(system -> doc.add(new StringField(APPLIES_TO, system.toLowerCase(java.util.Locale.ROOT), Field.Store.NO)));
        doc.add(new TextField(TITLE, runbook.title(), Field.Store.NO));
        doc.add(new TextField(BODY, runbook.body(), Field.Store.NO));
        return doc;
    }

    /** Up to {@code limit} runbooks, best first, each with its best-matching passage. */
    public List<RunbookHit> search(RunbookQuery query, int limit) {
        try {
            Set<String> terms = terms(query.text());
            Query lucene = build(query, terms);
            TopDocs top = searcher.search(lucene, limit);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            List<RunbookHit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Runbook runbook = runbooks.get(sd.doc);
                String snippet = snippets.snippet(sd.doc, runbook, terms, i == 0);
                hits.add(new RunbookHit(runbook.id(), runbook.title(), runbook.path(), runbook.failureModes(),
                        Math.round(sd.score * 100) / 100.0, snippet));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the runbook index", e);
        }
    }

    /**
     * The mode as a filter (when any runbook lists it) and a boost, the failing system as a boost,
     * and every query term against title and body. Terms no runbook contains are left out: they
     * would match nothing.
     */
    Query build(RunbookQuery query, Set<String> terms) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        TermQuery mode = termStatistics.query(MODES, query.failureMode());
        if (mode != null) {
            root.add(mode, BooleanClause.Occur.FILTER);
            root.add(new BoostQuery(mode, 4f), BooleanClause.Occur.SHOULD);
        }
        for (String secondary : query.secondary()) {
            should(root, termStatistics.query(MODES, secondary), 0.5f);
        }
        if (!query.system().isBlank()) {
            should(root, termStatistics.query(APPLIES_TO, query.system().toLowerCase(java.util.Locale.ROOT)), SYSTEM_BOOST);
        } else {
            should(root, termStatistics.query(APPLIES_TO, "generic"), 1f);
        }
        for (String term : terms) {
            should(root, termStatistics.query(TITLE, term), 1.5f);
            should(root, termStatistics.query(BODY, term), 1f);
        }
        return root.build();
    }

    private static void should(BooleanQuery.Builder root, TermQuery clause, float boost) {
        if (clause != null) {
            root.add(boost == 1f ? clause : new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
        }
    }

    /** Distinct analysed terms of the text, at most {@link #MAX_QUERY_TERMS}. */
    private Set<String> terms(String text) throws IOException {
        return analysed(analyzer, text, MAX_QUERY_TERMS);
    }

    /** Every distinct term of a text, analysed as query text is (what snippets are matched on). */
    static java.util.function.Function<String, Set<String>> allTerms(Analyzer analyzer) {
        return text -> {
            try {
                return analysed(analyzer, text, Integer.MAX_VALUE);
            } catch (IOException e) {
                throw new UncheckedIOException("analysing runbook text", e);
            }
        };
    }

    private static Set<String> analysed(Analyzer analyzer, String text, int limit) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < limit) {
                String t = term.toString();
                if (t.length() > 1 && t.length() < 64 && !t.chars().allMatch(Character::isDigit)) {
                    terms.add(t);
                }
            }
            stream.end();
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the runbook index", e);
        }
    }
}
