package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The second stage of classification: a weighted nearest-neighbour vote over the case library.
 *
 * <p>Lucene's BM25 finds the candidates; each is then scored by the cosine similarity of
 * tf-idf weighted {@link CaseTerms} (a number a person can read: 1 is the same message), each
 * term also weighted by how well it tells modes apart. The {@link #K} closest cases above
 * {@link #MIN_SIMILARITY} vote with weight similarity²; the vote's confidence is the winning
 * mode's weight over the total plus {@link #ABSENT_WEIGHT}, so one loose neighbour is never
 * sure of anything. A team case that near-duplicates the alert ({@link #NEAR_DUPLICATE})
 * decides alone: a correction is the most specific knowledge there is.
 *
 * <p>Thread-safe: the index is read-only; a new {@code NearestCases} is made when team cases change.
 */
public final class NearestCases {

    public static final int K = 5;
    public static final double MIN_SIMILARITY = 0.25;
    /**
     * The weight of "no case here" in the vote: one neighbour at 0.3 similarity (weight 0.09)
     * gets 0.09 / (0.09 + 0.2) = 0.31, five at 0.5 get 1.25 / 1.45 = 0.86.
     */
    public static final double ABSENT_WEIGHT = 0.2;
    public static final double NEAR_DUPLICATE = 0.6;
    /** A mode only one case votes for counts at half its confidence unless that case is a near-duplicate. */
    public static final int MIN_SUPPORT = 2;
    static final int CANDIDATES = 25;
    static final int QUERY_TERMS = 64;

    private final CaseIndex index;
    private final IndexSearcher searcher;
    private final int docs;
    private final Map<String, Double> discrimination;

    public NearestCases(CaseIndex index) {
        this.index = index;
        this.searcher = new IndexSearcher(index.reader());
        this.docs = Math.max(1, index.reader().numDocs());
        this.discrimination = index.discrimination();
    }

    public int size() {
        return index.size();
    }

    /** The vote of the nearest cases on {@code text} (already redacted). */
    public CaseVote vote(String text) {
        try {
            return voteOn(text);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the case index", e);
        }
    }

    private CaseVote voteOn(String text) throws IOException {
        IndexReader reader = index.reader();
        Map<String, Double> query = new HashMap<>();
        for (Map.Entry<String, Integer> term : CaseTerms.counts(text).entrySet()) {
            int df = reader.docFreq(new Term(CaseIndex.TERMS, term.getKey()));
            if (df > 0) {
                query.put(term.getKey(), (1 + Math.log(term.getValue())) * idf(df) * focus(term.getKey()));
            }
        }
        if (query.isEmpty()) {
            return CaseVote.none();
        }
        double queryNorm = Math.sqrt(query.values().stream().mapToDouble(w -> w * w).sum());
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        query.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(QUERY_TERMS)
                .forEach(e -> builder.add(new TermQuery(new Term(CaseIndex.TERMS, e.getKey())), BooleanClause.Occur.SHOULD));
        TopDocs top = searcher.search(builder.build(), CANDIDATES);
        List<Neighbour> neighbours = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            String id = searcher.storedFields().document(hit.doc).get(CaseIndex.ID);
            LabelledCase labelled = index.caseById(id);
            double similarity = cosine(query, queryNorm, reader.termVectors().get(hit.doc, CaseIndex.TERMS));
            if (labelled != null && similarity >= MIN_SIMILARITY) {
                neighbours.add(new Neighbour(labelled, round(similarity), ""));
            }
        }
        neighbours.sort(Comparator.comparingDouble(Neighbour::similarity).reversed()
                .thenComparing(n -> !n.labelledCase().team()));
        List<Neighbour> nearest = neighbours.stream().limit(K)
                .map(n -> new Neighbour(n.labelledCase(), n.similarity(), matchingLine(n.labelledCase().text(), query)))
                .toList();
        return decide(nearest);
    }

    static CaseVote decide(List<Neighbour> nearest) {
        if (nearest.isEmpty()) {
            return CaseVote.none();
        }
        Neighbour closest = nearest.get(0);
        if (closest.labelledCase().team() && closest.similarity() >= NEAR_DUPLICATE) {
            return new CaseVote(closest.labelledCase().mode(), round(Math.min(0.95, 0.5 + closest.similarity() / 2)),
                    nearest, true);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double total = 0;
        for (Neighbour n : nearest) {
            double w = n.similarity() * n.similarity();
            weights.merge(n.labelledCase().mode(), w, Double::sum);
            total += w;
        }
        Map.Entry<String, Double> best = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double confidence = best.getValue() / (total + ABSENT_WEIGHT);
        long supporters = nearest.stream().filter(n -> n.labelledCase().mode().equals(best.getKey())).count();
        double closestForMode = nearest.stream().filter(n -> n.labelledCase().mode().equals(best.getKey()))
                .mapToDouble(Neighbour::similarity).max().orElse(0);
        if (supporters < MIN_SUPPORT && closestForMode < NEAR_DUPLICATE) {
            // one loose neighbour is a hint, never an answer on its own
            confidence /= 2;
        }
        return new CaseVote(best.getKey(), round(confidence), nearest, false);
    }

    /** Terms that tell modes apart weigh more than the words every system's alerts share. */
    private double focus(String term) {
        return FOCUS_FLOOR + Math.pow(discrimination.getOrDefault(term, 0.0), FOCUS_POWER);
    }

    /** A term's weight is idf × (FOCUS_FLOOR + discrimination²): chosen by cross-validation on the train split. */
    static final double FOCUS_FLOOR = 0.02;
    static final double FOCUS_POWER = 2;

    private double idf(int df) {
        return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
    }

    private double cosine(Map<String, Double> query, double queryNorm, Terms vector) throws IOException {
        if (vector == null) {
            return 0;
        }
        IndexReader reader = index.reader();
        double dot = 0;
        double norm = 0;
        TermsEnum terms = vector.iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            String word = term.utf8ToString();
            int df = reader.docFreq(new Term(CaseIndex.TERMS, term));
            double w = (1 + Math.log(terms.totalTermFreq())) * idf(Math.max(1, df)) * focus(word);
            norm += w * w;
            Double q = query.get(word);
            if (q != null) {
                dot += q * w;
            }
        }
        return norm == 0 ? 0 : dot / (queryNorm * Math.sqrt(norm));
    }

    /** The case line with the most query weight: why the case is near. */
    private static String matchingLine(String caseText, Map<String, Double> query) {
        String bestLine = "";
        double bestScore = 0;
        for (String line : caseText.split("\n")) {
            double score = 0;
            for (String term : new java.util.HashSet<>(CaseTerms.of(line))) {
                score += query.getOrDefault(term, 0.0);
            }
            if (score > bestScore) {
                bestScore = score;
                bestLine = line.strip();
            }
        }
        return bestLine.length() > 300 ? bestLine.substring(0, 300) + "…" : bestLine;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
