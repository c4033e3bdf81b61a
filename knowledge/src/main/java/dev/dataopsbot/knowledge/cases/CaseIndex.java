package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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
 * whitespace-separated field with frequencies (read back as postings for the vote, see {@link CaseVectors}).
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
        TERMS_TYPE.freeze();
    }

    private final IndexReader reader;
    private final List<LabelledCase> cases;

    private CaseIndex(IndexReader reader, List<LabelledCase> cases) {
        if (reader.maxDoc() != cases.size()) {
            throw new IllegalStateException("case index holds " + reader.maxDoc() + " documents for " + cases.size()
                    + " cases; rebuild it");
        }
        this.reader = reader;
        this.cases = List.copyOf(cases);
    }

    /** Two indexes searched as one: the bundled cases and the team's. */
    public static CaseIndex combined(Directory bundled, List<LabelledCase> bundledCases, List<LabelledCase> teamCases) {
        try {
            if (teamCases.isEmpty()) {
                return new CaseIndex(DirectoryReader.open(bundled), bundledCases);
            }
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

    /** The weighted postings of every case, read once from the index: what the vote scores with. */
    CaseVectors vectors() {
        CaseVectors cached = vectors;
        if (cached == null) {
            try {
                cached = CaseVectors.read(reader, TERMS, cases);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the case index postings", e);
            }
            vectors = cached;
        }
        return cached;
    }

    private volatile CaseVectors vectors;

    /** The case of a document: documents are written in list order into one segment per index. */
    LabelledCase caseAt(int doc) {
        return cases.get(doc);
    }
}
