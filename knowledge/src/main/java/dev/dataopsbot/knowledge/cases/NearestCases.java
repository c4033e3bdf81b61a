package dev.dataopsbot.knowledge.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second stage of classification: a weighted nearest-neighbour vote over the case library.
 *
 * <p>BM25 over the query's {@link #FOCUS_TERMS} heaviest terms picks {@link #CANDIDATES}
 * candidates; each is then scored by the cosine similarity of tf-idf weighted {@link CaseTerms}
 * (a number a person can read: 1 is the same message), each term also weighted by how well it
 * tells modes apart. Both come from in-memory postings and vectors that {@link CaseVectors} reads
 * from the Lucene index once: a Lucene search cost more per query than the whole vote. The
 * {@link #K} closest cases above {@link #MIN_SIMILARITY} vote with weight similarity²; the vote's confidence is the winning
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
    /** Cases scored in full: the best by BM25 over the query's heaviest terms (ties: the earlier case). */
    static final int CANDIDATES = 25;
    /** The query's heaviest terms, which pick the candidates. */
    static final int FOCUS_TERMS = 32;

    private final CaseIndex index;
    private final CaseVectors vectors;

    public NearestCases(CaseIndex index) {
        this.index = index;
        this.vectors = index.vectors();
    }

    /** The vote of the nearest cases on {@code text} (already redacted). */
    public CaseVote vote(String text) {
        return vote(text, c -> true);
    }

    /**
     * The vote of the nearest cases among those {@code usable} says may vote: a backtest leaves
     * out the cases made from the very alert it replays, as cross-validation leaves out the fold.
     */
    public CaseVote vote(String text, java.util.function.Predicate<LabelledCase> usable) {
        Map<String, Double> byTerm = new HashMap<>();
        List<Map.Entry<Integer, Double>> query = new ArrayList<>();
        for (Map.Entry<String, Integer> term : CaseTerms.counts(text).entrySet()) {
            int id = vectors.id(term.getKey());
            if (id >= 0) {
                double w = (1 + Math.log(term.getValue())) * vectors.factor(id);
                query.add(Map.entry(id, w));
                byTerm.put(term.getKey(), w);
            }
        }
        if (query.isEmpty()) {
            return CaseVote.none();
        }
        query.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        int[] terms = query.stream().mapToInt(Map.Entry::getKey).toArray();
        CaseVectors.Query vector = CaseVectors.Query.of(query);
        List<Neighbour> neighbours = new ArrayList<>();
        for (int doc : candidates(vectors.focus(terms, FOCUS_TERMS))) {
            double similarity = vectors.cosine(vector, doc);
            if (similarity >= MIN_SIMILARITY && usable.test(index.caseAt(doc))) {
                neighbours.add(new Neighbour(index.caseAt(doc), round(similarity), ""));
            }
        }
        neighbours.sort(Comparator.comparingDouble(Neighbour::similarity).reversed()
                .thenComparing(nb -> !nb.labelledCase().team()));
        List<Neighbour> nearest = neighbours.stream().limit(K)
                .map(nb -> new Neighbour(nb.labelledCase(), nb.similarity(), matchingLine(nb.labelledCase(), byTerm)))
                .toList();
        return decide(nearest);
    }

    /** The {@link #CANDIDATES} documents with the highest focus score above zero. */
    private static int[] candidates(double[] focus) {
        int[] best = new int[CANDIDATES];
        int size = 0;
        for (int doc = 0; doc < focus.length; doc++) {
            if (focus[doc] <= 0 || (size == CANDIDATES && focus[doc] <= focus[best[size - 1]])) {
                continue;
            }
            int at = size < CANDIDATES ? size++ : size - 1;
            while (at > 0 && focus[best[at - 1]] < focus[doc]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = doc;
        }
        return Arrays.copyOf(best, size);
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

    /**
     * A line of a case and its distinct terms in order, read once per case (a list, not a set: the
     * sum of their weights must not depend on a set's per-run iteration order, or ties would).
     */
    private record CaseLine(String text, List<String> terms) {

        static List<CaseLine> of(String caseText) {
            return caseText.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> new CaseLine(l, CaseTerms.of(l).stream().distinct().toList())).toList();
        }
    }

    private final Map<String, List<CaseLine>> lineTerms = new java.util.concurrent.ConcurrentHashMap<>();

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
