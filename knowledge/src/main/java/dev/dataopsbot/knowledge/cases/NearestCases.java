package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The second stage of classification: a weighted nearest-neighbour vote over the case library.
 *
 * <p>Lucene's BM25 finds the candidates; each is then scored by the cosine similarity of
 * tf-idf weighted {@link CaseTerms} (a number a person can read: 1 is the same message), each
 * term also weighted by how well it tells modes apart ({@link CaseVectors}). The {@link #K} closest cases above
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
    static final int QUERY_TERMS = 32;

    private final CaseIndex index;
    private final IndexSearcher searcher;
    private final CaseVectors vectors;

    public NearestCases(CaseIndex index) {
        this.index = index;
        this.searcher = new IndexSearcher(index.reader());
        this.vectors = index.vectors();
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
        Map<Integer, Double> query = new HashMap<>();
        Map<String, Double> byTerm = new HashMap<>();
        for (Map.Entry<String, Integer> term : CaseTerms.counts(text).entrySet()) {
            int id = vectors.id(term.getKey());
            if (id >= 0) {
                double w = (1 + Math.log(term.getValue())) * vectors.factor(id);
                query.put(id, w);
                byTerm.put(term.getKey(), w);
            }
        }
        if (query.isEmpty()) {
            return CaseVote.none();
        }
        double queryNorm = Math.sqrt(query.values().stream().mapToDouble(w -> w * w).sum());
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        byTerm.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(QUERY_TERMS)
                .forEach(e -> builder.add(new TermQuery(new Term(CaseIndex.TERMS, e.getKey())), BooleanClause.Occur.SHOULD));
        TopDocs top = searcher.search(builder.build(), CANDIDATES);
        List<Neighbour> neighbours = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            double similarity = vectors.cosine(query, queryNorm, hit.doc);
            if (similarity >= MIN_SIMILARITY) {
                neighbours.add(new Neighbour(index.caseAt(hit.doc), round(similarity), ""));
            }
        }
        neighbours.sort(Comparator.comparingDouble(Neighbour::similarity).reversed()
                .thenComparing(n -> !n.labelledCase().team()));
        List<Neighbour> nearest = neighbours.stream().limit(K)
                .map(n -> new Neighbour(n.labelledCase(), n.similarity(), matchingLine(n.labelledCase(), byTerm)))
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

    /** The case line with the most query weight: why the case is near. */
    private String matchingLine(LabelledCase labelled, Map<String, Double> query) {
        List<CaseLine> lines = lineTerms.computeIfAbsent(labelled.id(), id -> CaseLine.of(labelled.text()));
        String bestLine = "";
        double bestScore = 0;
        for (CaseLine line : lines) {
            double score = 0;
            for (String term : line.terms()) {
                score += query.getOrDefault(term, 0.0);
            }
            if (score > bestScore) {
                bestScore = score;
                bestLine = line.text();
            }
        }
        return bestLine.length() > 300 ? bestLine.substring(0, 300) + "…" : bestLine;
    }

    /** A line of a case and its distinct terms, read once per case. */
    private record CaseLine(String text, java.util.Set<String> terms) {

        static List<CaseLine> of(String caseText) {
            return caseText.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> new CaseLine(l, java.util.Set.copyOf(CaseTerms.of(l)))).toList();
        }
    }

    private final Map<String, List<CaseLine>> lineTerms = new java.util.concurrent.ConcurrentHashMap<>();

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
