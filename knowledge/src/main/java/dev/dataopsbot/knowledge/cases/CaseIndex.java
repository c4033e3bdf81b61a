package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * A Lucene index of labelled cases: one document per case, its {@link CaseTerms} as a
 * whitespace-separated field with term vectors (the neighbours' vectors for cosine similarity).
 * The bundled cases are indexed at package time; a team's cases are indexed in memory beside
 * them and searched together through one reader.
 */
public final class CaseIndex {

    static final String ID = "id";
    static final String TERMS = "terms";
    private static final FieldType TERMS_TYPE = new FieldType();

    static {
        TERMS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TERMS_TYPE.setTokenized(true);
        TERMS_TYPE.setStoreTermVectors(true);
        TERMS_TYPE.freeze();
    }

    private final IndexReader reader;
    private final Map<String, LabelledCase> byId;

    private CaseIndex(IndexReader reader, List<LabelledCase> cases) {
        this.reader = reader;
        this.byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
    }

    /** Indexes {@code cases} in memory. */
    public static CaseIndex build(List<LabelledCase> cases) {
        try {
            Directory directory = new ByteBuffersDirectory();
            write(cases, directory);
            return new CaseIndex(DirectoryReader.open(directory), cases);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing cases in memory", e);
        }
    }

    /** Two indexes searched as one: the bundled cases and the team's. */
    public static CaseIndex combined(Directory bundled, List<LabelledCase> bundledCases, List<LabelledCase> teamCases) {
        try {
            Directory team = new ByteBuffersDirectory();
            write(teamCases, team);
            MultiReader reader = new MultiReader(DirectoryReader.open(bundled), DirectoryReader.open(team));
            List<LabelledCase> all = new java.util.ArrayList<>(bundledCases);
            all.addAll(teamCases);
            return new CaseIndex(reader, all);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the case index", e);
        }
    }

    static void write(List<LabelledCase> cases, Directory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (LabelledCase c : cases) {
                Document doc = new Document();
                doc.add(new StoredField(ID, c.id()));
                doc.add(new Field(TERMS, String.join(" ", CaseTerms.of(c.text())), TERMS_TYPE));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
    }

    /**
     * How much each term says about the failure mode, 0..1: one minus the normalised entropy of
     * the modes of the cases that contain it (smoothed). "throttlingexception" is near 1, a
     * system's name near 0. Computed once per index from the cases' term vectors.
     */
    Map<String, Double> discrimination() {
        Map<String, Double> cached = discrimination;
        if (cached == null) {
            cached = computeDiscrimination();
            discrimination = cached;
        }
        return cached;
    }

    private volatile Map<String, Double> discrimination;

    private Map<String, Double> computeDiscrimination() {
        Map<String, Map<String, Integer>> byTerm = new HashMap<>();
        java.util.Set<String> modes = new java.util.HashSet<>();
        try {
            var stored = reader.storedFields();
            var vectors = reader.termVectors();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                LabelledCase c = byId.get(stored.document(doc).get(ID));
                var terms = vectors.get(doc, TERMS);
                if (c == null || terms == null) {
                    continue;
                }
                modes.add(c.mode());
                var it = terms.iterator();
                for (var term = it.next(); term != null; term = it.next()) {
                    byTerm.computeIfAbsent(term.utf8ToString(), k -> new HashMap<>()).merge(c.mode(), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading case term vectors", e);
        }
        double maxEntropy = Math.log(Math.max(2, modes.size()));
        Map<String, Double> result = new HashMap<>();
        byTerm.forEach((term, counts) -> {
            double total = counts.values().stream().mapToInt(Integer::intValue).sum() + SMOOTHING * modes.size();
            double entropy = 0;
            for (String mode : modes) {
                double p = (counts.getOrDefault(mode, 0) + SMOOTHING) / total;
                entropy -= p * Math.log(p);
            }
            result.put(term, 1 - entropy / maxEntropy);
        });
        return result;
    }

    private static final double SMOOTHING = 0.1;

    IndexReader reader() {
        return reader;
    }

    LabelledCase caseById(String id) {
        return byId.get(id);
    }

    public int size() {
        return reader.numDocs();
    }
}
