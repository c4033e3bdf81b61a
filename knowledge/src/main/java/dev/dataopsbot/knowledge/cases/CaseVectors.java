package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every case as a weighted term vector, and every term's weight factor: idf times how well the
 * term tells modes apart. Read once per index in one pass over its term vectors.
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
    /** The cases that hold each term, and the term's weight in each: the vectors turned inside out. */
    private final int[][] postingDocs;
    private final double[][] postingWeights;
    /** Each posting's BM25 score, Lucene's default similarity: it picks the candidates. */
    private final double[][] postingBm25;

    private CaseVectors(Map<String, Integer> ids, double[] factor, int[][] docTerms, int[][] docFreqs,
                        double[][] docWeights, double[] docNorms) {
        this.ids = ids;
        this.factor = factor;
        this.docNorms = docNorms;
        int[] df = new int[factor.length];
        for (int[] terms : docTerms) {
            for (int term : terms) {
                df[term]++;
            }
        }
        postingDocs = new int[factor.length][];
        postingWeights = new double[factor.length][];
        postingBm25 = new double[factor.length][];
        for (int term = 0; term < df.length; term++) {
            postingDocs[term] = new int[df[term]];
            postingWeights[term] = new double[df[term]];
            postingBm25[term] = new double[df[term]];
        }
        long totalLength = 0;
        int[] lengths = new int[docTerms.length];
        for (int doc = 0; doc < docTerms.length; doc++) {
            for (int freq : docFreqs[doc]) {
                lengths[doc] += freq;
            }
            totalLength += lengths[doc];
        }
        double averageLength = docTerms.length == 0 ? 1 : Math.max(1, (double) totalLength / docTerms.length);
        int[] filled = new int[factor.length];
        for (int doc = 0; doc < docTerms.length; doc++) {
            double lengthNorm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc] / averageLength);
            for (int i = 0; i < docTerms[doc].length; i++) {
                int term = docTerms[doc][i];
                int freq = docFreqs[doc][i];
                postingDocs[term][filled[term]] = doc;
                postingBm25[term][filled[term]] = idf(df[term], docTerms.length) * freq / (freq + lengthNorm);
                postingWeights[term][filled[term]++] = docWeights[doc][i];
            }
        }
    }

    static CaseVectors read(IndexReader reader, String field, List<LabelledCase> cases) throws IOException {
        Map<String, Integer> ids = new HashMap<>(1 << 14);
        Map<String, Integer> modeIds = new HashMap<>();
        List<int[]> modeCounts = new ArrayList<>(1 << 14);
        int docs = reader.maxDoc();
        int[][] docTerms = new int[docs][];
        int[][] docFreqs = new int[docs][];
        TermVectors vectors = reader.termVectors();
        int[] df = new int[1 << 14];
        int[] termBuffer = new int[256];
        int[] freqBuffer = new int[256];
        for (int doc = 0; doc < docs; doc++) {
            int mode = modeIds.computeIfAbsent(cases.get(doc).mode(), m -> modeIds.size());
            Terms terms = vectors.get(doc, field);
            int n = 0;
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    String word = term.utf8ToString();
                    Integer id = ids.get(word);
                    if (id == null) {
                        id = ids.size();
                        ids.put(word, id);
                        modeCounts.add(new int[32]);
                        if (id >= df.length) {
                            df = java.util.Arrays.copyOf(df, df.length * 2);
                        }
                    }
                    df[id]++;
                    int[] counts = modeCounts.get(id);
                    if (mode < counts.length) {
                        counts[mode]++;
                    }
                    if (n == termBuffer.length) {
                        termBuffer = java.util.Arrays.copyOf(termBuffer, n * 2);
                        freqBuffer = java.util.Arrays.copyOf(freqBuffer, n * 2);
                    }
                    termBuffer[n] = id;
                    freqBuffer[n] = (int) it.totalTermFreq();
                    n++;
                }
            }
            docTerms[doc] = java.util.Arrays.copyOf(termBuffer, n);
            docFreqs[doc] = java.util.Arrays.copyOf(freqBuffer, n);
        }
        int modes = Math.max(2, modeIds.size());
        double maxEntropy = Math.log(modes);
        double[] factor = new double[ids.size()];
        for (int id = 0; id < factor.length; id++) {
            int[] counts = modeCounts.get(id);
            double total = 0;
            for (int m = 0; m < modes; m++) {
                total += counts[Math.min(m, counts.length - 1)] + SMOOTHING;
            }
            double entropy = 0;
            for (int m = 0; m < modes; m++) {
                double p = (counts[Math.min(m, counts.length - 1)] + SMOOTHING) / total;
                entropy -= p * Math.log(p);
            }
            double discrimination = 1 - entropy / maxEntropy;
            factor[id] = idf(df[id], docs) * (FOCUS_FLOOR + Math.pow(discrimination, FOCUS_POWER));
        }
        double[][] docWeights = new double[docs][];
        double[] docNorms = new double[docs];
        for (int doc = 0; doc < docs; doc++) {
            docWeights[doc] = new double[docTerms[doc].length];
            double norm = 0;
            for (int i = 0; i < docTerms[doc].length; i++) {
                double w = (1 + Math.log(docFreqs[doc][i])) * factor[docTerms[doc][i]];
                docWeights[doc][i] = w;
                norm += w * w;
            }
            docNorms[doc] = Math.sqrt(norm);
        }
        return new CaseVectors(ids, factor, docTerms, docFreqs, docWeights, docNorms);
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

    int cases() {
        return docNorms.length;
    }

    /**
     * The cosine similarity of a query vector with every case, indexed by document (0 for a case
     * that shares no term): one pass over the postings of the query's terms. The first
     * {@code focusTerms} terms (the heaviest, when the caller sorts them) also give each case a
     * focus score, its BM25 score for those terms as one unweighted query, which picks the candidates.
     *
     * @param terms   the query's term ids, each once
     * @param weights their weights
     */
    Similarities similarities(int[] terms, double[] weights, int focusTerms) {
        int cases = docNorms.length;
        double[] dots = new double[cases];
        double[] focus = new double[cases];
        double queryNorm = 0;
        for (int i = 0; i < terms.length; i++) {
            double q = weights[i];
            queryNorm += q * q;
            int[] docs = postingDocs[terms[i]];
            double[] w = postingWeights[terms[i]];
            for (int j = 0; j < docs.length; j++) {
                dots[docs[j]] += q * w[j];
            }
            if (i < focusTerms) {
                double[] bm25 = postingBm25[terms[i]];
                for (int j = 0; j < docs.length; j++) {
                    focus[docs[j]] += bm25[j];
                }
            }
        }
        queryNorm = Math.sqrt(queryNorm);
        for (int doc = 0; doc < cases; doc++) {
            if (dots[doc] != 0) {
                dots[doc] /= queryNorm * docNorms[doc];
            }
        }
        return new Similarities(dots, focus);
    }

    /** Per case, indexed by document: the cosine with the whole query and with its focus terms. */
    record Similarities(double[] cosine, double[] focus) {
    }
}
