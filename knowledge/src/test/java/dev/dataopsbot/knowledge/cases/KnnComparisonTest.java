package dev.dataopsbot.knowledge.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Why the case library votes with its own kNN: on the held-out split, over the same terms
 * ({@link CaseTerms}), it names the labelled mode more often than Lucene's
 * {@code KNearestNeighborClassifier} (lucene-classification, the lucene-core version). Both are
 * compared alone, without the rules and without a confidence threshold.
 */
class KnnComparisonTest {

    @Test
    void our_vote_is_at_least_as_accurate_as_lucene_classification_on_the_test_split() throws IOException {
        List<LabelledCase> all = CaseLibrary.readFolder(Path.of("../cases"), Set.of()).cases();
        List<LabelledCase> train = all.stream().filter(c -> !CaseSplit.isTest(c.id())).toList();
        List<LabelledCase> test = all.stream().filter(c -> CaseSplit.isTest(c.id())).toList();

        NearestCases ours = CaseLibrary.of(train).nearest(List.of());
        int oursRight = 0;
        for (LabelledCase c : test) {
            oursRight += ours.vote(c.text()).mode().equals(c.mode()) ? 1 : 0;
        }

        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (LabelledCase c : train) {
                Document doc = new Document();
                doc.add(new TextField("terms", String.join(" ", CaseTerms.of(c.text())), Field.Store.NO));
                doc.add(new StringField("mode", c.mode(), Field.Store.YES));
                writer.addDocument(doc);
            }
        }
        int luceneRight = 0;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            KNearestNeighborClassifier lucene = new KNearestNeighborClassifier(reader, new BM25Similarity(),
                    new WhitespaceAnalyzer(), null, NearestCases.K, 1, 1, "mode", "terms");
            for (LabelledCase c : test) {
                String terms = String.join(" ", CaseTerms.of(c.text()));
                ClassificationResult<BytesRef> result = terms.isBlank() ? null : lucene.assignClass(terms);
                String mode = result == null ? "unknown" : result.getAssignedClass().utf8ToString();
                luceneRight += mode.equals(c.mode()) ? 1 : 0;
            }
        }
        double oursAccuracy = (double) oursRight / test.size();
        double luceneAccuracy = (double) luceneRight / test.size();
        System.out.printf("[kNN alone, test split of %d] ours %.3f, lucene-classification KNearestNeighborClassifier %.3f%n",
                test.size(), oursAccuracy, luceneAccuracy);
        assertTrue(oursAccuracy >= luceneAccuracy, "ours " + oursAccuracy + " vs lucene " + luceneAccuracy);
    }
}
