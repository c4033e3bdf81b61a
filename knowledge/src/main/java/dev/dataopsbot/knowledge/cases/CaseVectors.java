package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Every case as a weighted term vector, and every term's weight factor: idf times how well the
 * term tells modes apart. Read once per index in one pass over its postings, and kept as postings
 * with their weights (which {@link #focus} walks to pick candidates) and as each case's vector
 * (for the {@link #cosine} of a candidate).
 *
 * <p>A term's weight is {@code (1 + ln tf) × idf × (FOCUS_FLOOR + discrimination²)}, where
 * discrimination is one minus the normalised entropy of the modes of the cases that contain it
 * (smoothed): "throttlingexception" is near 1, a system's name near 0. The floor and the power were
 * chosen by cross-validation on the train split.
 */
final class CaseVectors {

    static final double FOCUS_FLOOR = 0.02;
    static final double FOCUS_POWER = 2;
    private static final double SMOOTHING = 0.1;
    private static final double BM25_K1 = 1.2;
    private static final double BM25_B = 0.75;

    private final Map<String, Integer> ids;
    private final double[] factor;
    private final double[] docNorms;
    /** The cases that hold each term: the vectors turned inside out. */
    private final int[][] postingDocs;
    /** Each posting's BM25 score, Lucene's default similarity: it picks the candidates. */
    private final double[][] postingBm25;
    /** Each case's term ids and weights: the postings turned back, for a candidate's cosine. */
    private final int[][] docTerms;
    private final double[][] docWeights;

    private CaseVectors(Map<String, Integer> ids, double[] factor, double[] docNorms, int[][] postingDocs,
                        double[][] postingWeights, double[][] postingBm25) {
        this.ids = ids;
        this.factor = factor;
        this.docNorms = docNorms;
        this.postingDocs = postingDocs;
        this.postingBm25 = postingBm25;
        int docs = docNorms.length;
        int[] sizes = new int[docs];
        for (int[] termDocs : postingDocs) {
            for (int doc : termDocs) {
                sizes[doc]++;
            }
        }
        docTerms = new int[docs][];
        docWeights = new double[docs][];
        for (int doc = 0; doc < docs; doc++) {
            docTerms[doc] = new int[sizes[doc]];
            docWeights[doc] = new double[sizes[doc]];
        }
        int[] filled = new int[docs];
        for (int term = 0; term < postingDocs.length; term++) {
            for (int j = 0; j < postingDocs[term].length; j++) {
                int doc = postingDocs[term][j];
                docTerms[doc][filled[doc]] = term;
                docWeights[doc][filled[doc]++] = postingWeights[term][j];
            }
        }
    }

    /**
     * Reads the index's postings once: each term's cases and frequencies, which give the term's
     * weight factor (idf × focus), every case's vector norm and length, and each posting's
     * cosine weight and BM25 score.
     */
    static CaseVectors read(IndexReader reader, String field, List<LabelledCase> cases) throws IOException {
        int docs = reader.maxDoc();
        Map<String, Integer> modeIds = new HashMap<>();
        int[] docMode = new int[docs];
        for (int doc = 0; doc < docs; doc++) {
            docMode[doc] = modeIds.computeIfAbsent(cases.get(doc).mode(), m -> modeIds.size());
        }
        int modes = Math.max(2, modeIds.size());
        Map<String, Integer> ids = new HashMap<>(1 << 14);
        List<int[]> docsOf = new ArrayList<>(1 << 14);
        List<int[]> freqsOf = new ArrayList<>(1 << 14);
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            PostingsEnum postings = null;
            int[] docBuffer = new int[docs];
            int[] freqBuffer = new int[docs];
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                postings = it.postings(postings, PostingsEnum.FREQS);
                int n = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    docBuffer[n] = doc;
                    freqBuffer[n++] = postings.freq();
                }
                ids.put(term.utf8ToString(), ids.size());
                docsOf.add(Arrays.copyOf(docBuffer, n));
                freqsOf.add(Arrays.copyOf(freqBuffer, n));
            }
        }
        int termCount = ids.size();
        double maxEntropy = Math.log(modes);
        double[] factor = new double[termCount];
        double[] docNorms = new double[docs];
        int[] lengths = new int[docs];
        long totalLength = 0;
        int[] counts = new int[modes];
        for (int id = 0; id < termCount; id++) {
            int[] termDocs = docsOf.get(id);
            int[] termFreqs = freqsOf.get(id);
            Arrays.fill(counts, 0);
            for (int i = 0; i < termDocs.length; i++) {
                counts[docMode[termDocs[i]]]++;
                lengths[termDocs[i]] += termFreqs[i];
                totalLength += termFreqs[i];
            }
            double total = 0;
            for (int count : counts) {
                total += count + SMOOTHING;
            }
            double entropy = 0;
            for (int count : counts) {
                double p = (count + SMOOTHING) / total;
                entropy -= p * Math.log(p);
            }
            double discrimination = 1 - entropy / maxEntropy;
            factor[id] = idf(termDocs.length, docs) * (FOCUS_FLOOR + Math.pow(discrimination, FOCUS_POWER));
        }
        double averageLength = docs == 0 ? 1 : Math.max(1, (double) totalLength / docs);
        int[][] postingDocs = new int[termCount][];
        double[][] postingWeights = new double[termCount][];
        double[][] postingBm25 = new double[termCount][];
        for (int id = 0; id < termCount; id++) {
            int[] termDocs = docsOf.get(id);
            int[] termFreqs = freqsOf.get(id);
            double idf = idf(termDocs.length, docs);
            postingDocs[id] = termDocs;
            postingWeights[id] = new double[termDocs.length];
            postingBm25[id] = new double[termDocs.length];
            for (int i = 0; i < termDocs.length; i++) {
                int doc = termDocs[i];
                double w = (1 + Math.log(termFreqs[i])) * factor[id];
                postingWeights[id][i] = w;
                docNorms[doc] += w * w;
                double lengthNorm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc] / averageLength);
                postingBm25[id][i] = idf * termFreqs[i] / (termFreqs[i] + lengthNorm);
            }
        }
        for (int doc = 0; doc < docs; doc++) {
            docNorms[doc] = Math.sqrt(docNorms[doc]);
        }
        return new CaseVectors(ids, factor, docNorms, postingDocs, postingWeights, postingBm25);
    }

    private static double idf(int df, int docs) {
        return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
    }

    /** The id of a term the cases know, or -1. */
    int id(String term) {
        return ids.getOrDefault(term, -1);
    }

    /** idf × focus of a known term. */
    double factor(int id) {
        return factor[id];
    }

    /**
     * Each case's BM25 score for the query's first {@code focusTerms} terms (the heaviest, when the
     * caller sorts them) as one unweighted query, indexed by document (0 for a case that shares none
     * of them): what picks the candidates. One pass over those terms' postings.
     */
    double[] focus(int[] terms, int focusTerms) {
        double[] focus = new double[docNorms.length];
        for (int i = 0; i < Math.min(focusTerms, terms.length); i++) {
            int[] docs = postingDocs[terms[i]];
            double[] bm25 = postingBm25[terms[i]];
            for (int j = 0; j < docs.length; j++) {
                focus[docs[j]] += bm25[j];
            }
        }
        return focus;
    }

    /** The cosine similarity of a query vector with one case: 1 is the same message. */
    double cosine(Query query, int doc) {
        if (docNorms[doc] == 0 || query.norm() == 0) {
            return 0;
        }
        double dot = 0;
        int[] terms = docTerms[doc];
        double[] weights = docWeights[doc];
        for (int i = 0; i < terms.length; i++) {
            int at = Arrays.binarySearch(query.ids(), terms[i]);
            if (at >= 0) {
                dot += query.weights()[at] * weights[i];
            }
        }
        return dot / (query.norm() * docNorms[doc]);
    }

    /** A query vector: term ids in ascending order, their weights, and its length. */
    record Query(int[] ids, double[] weights, double norm) {

        /** @param terms term id and weight pairs, each id once */
        static Query of(List<Map.Entry<Integer, Double>> terms) {
            List<Map.Entry<Integer, Double>> byId = new ArrayList<>(terms);
            byId.sort(Map.Entry.comparingByKey());
            int[] ids = new int[byId.size()];
            double[] weights = new double[byId.size()];
            double norm = 0;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = byId.get(i).getKey();
                weights[i] = byId.get(i).getValue();
                norm += weights[i] * weights[i];
            }
            return new Query(ids, weights, Math.sqrt(norm));
        }
    }
}
