package dev.dataopsbot.knowledge.similar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SimilarIncidentQuery} into Lucene queries over the past-incident index: one for
 * incidents of the same failure mode, one for the others.
 *
 * <p>Which past incidents qualify, so that unrelated ones are never shown:
 * <ul>
 *   <li>one of the same failure mode always does (a mode shared with nothing else in the text is
 *       still a hint of what fixed it), and scores {@link #MODE_WEIGHT} on top of its text score;</li>
 *   <li>one of another mode only when it shares at least {@link #OTHER_MODE_SHARE} of the query's
 *       terms that occur in the index, and at least two: the same alert classified differently
 *       then or now. The {@code unknown} mode is no evidence of likeness, so it is treated as
 *       another mode.</li>
 * </ul>
 * Text is BM25 over title (×1.5), evidence (×1) and resolution with notes (×0.5); the failing
 * system adds {@link #SYSTEM_WEIGHT}. Terms come from the analyser as in the runbook index, less
 * the words of the mode and system names (titles repeat them), and nothing the user wrote is parsed
 * as query syntax.
 */
final class SimilarityQuery {

    /** A shared failure mode is worth about as much as three rare shared words. */
    static final float MODE_WEIGHT = 10f;
    static final float SYSTEM_WEIGHT = 2f;
    static final double OTHER_MODE_SHARE = 0.6;
    static final String UNKNOWN_MODE = "unknown";
    private static final int MAX_QUERY_TERMS = 20;

    private final Analyzer analyzer;

    SimilarityQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The queries to run, each searched on its own and the hits merged by score: the same-mode
     * query first, then the one for other modes. Empty when nothing can qualify (no usable mode
     * and too few known terms). Two plain searches cost less than one disjunction of both, which
     * would score every same-mode incident twice.
     */
    List<Query> build(IndexSearcher searcher, SimilarIncidentQuery query) throws IOException {
        Set<String> words = terms(query.text());
        // the mode and the system count once, through their exact fields: as words they would match
        // every incident of the mode (its title names it) and only cost time
        words.removeAll(terms(query.failureMode().replace('_', ' ') + " " + query.failureMode() + " " + query.system()));
        List<Query> terms = new ArrayList<>();
        for (String term : words) {
            Query group = termGroup(searcher, term);
            if (group != null) {
                terms.add(group);
            }
        }
        Query system = query.system().isBlank() ? null : new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(PastIncidentDocument.SYSTEM, PastIncidentDocument.system(query.system())))),
                SYSTEM_WEIGHT);
        boolean usableMode = !query.failureMode().isEmpty() && !query.failureMode().equals(UNKNOWN_MODE);
        TermQuery mode = new TermQuery(new Term(PastIncidentDocument.MODE, query.failureMode()));
        List<Query> queries = new ArrayList<>();
        if (usableMode) {
            BooleanQuery.Builder sameMode = new BooleanQuery.Builder()
                    .add(new BoostQuery(new ConstantScoreQuery(mode), MODE_WEIGHT), Occur.MUST);
            terms.forEach(t -> sameMode.add(t, Occur.SHOULD));
            addIfPresent(sameMode, system);
            queries.add(excluding(sameMode, query));
        }
        if (terms.size() >= 2) {
            BooleanQuery.Builder shared = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(Math.max(2, (int) Math.ceil(terms.size() * OTHER_MODE_SHARE)));
            terms.forEach(t -> shared.add(t, Occur.SHOULD));
            BooleanQuery.Builder otherModes = new BooleanQuery.Builder().add(shared.build(), Occur.MUST);
            addIfPresent(otherModes, system);
            if (usableMode) {
                otherModes.add(mode, Occur.MUST_NOT);
            }
            queries.add(excluding(otherModes, query));
        }
        return queries;
    }

    private static Query excluding(BooleanQuery.Builder builder, SimilarIncidentQuery query) {
        if (query.exclude() != null) {
            builder.add(new TermQuery(PastIncidentDocument.key(query.exclude())), Occur.MUST_NOT);
        }
        return builder.build();
    }

    private static void addIfPresent(BooleanQuery.Builder builder, Query clause) {
        if (clause != null) {
            builder.add(clause, Occur.SHOULD);
        }
    }

    /** The term in each text field that holds it, or null when no past incident contains it. */
    private static Query termGroup(IndexSearcher searcher, String text) throws IOException {
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        int fields = 0;
        fields += addTerm(group, searcher, PastIncidentDocument.TITLE, text, 1.5f);
        fields += addTerm(group, searcher, PastIncidentDocument.EVIDENCE, text, 1f);
        fields += addTerm(group, searcher, PastIncidentDocument.NOTES, text, 0.5f);
        return fields == 0 ? null : group.build();
    }

    private static int addTerm(BooleanQuery.Builder group, IndexSearcher searcher, String field, String text,
                               float boost) throws IOException {
        Term term = new Term(field, text);
        // the states found here are reused by the search: each term is looked up once
        TermStates states = TermStates.build(searcher, term, true);
        if (states.docFreq() == 0) {
            return 0;
        }
        Query clause = new TermQuery(term, states);
        group.add(boost == 1f ? clause : new BoostQuery(clause, boost), Occur.SHOULD);
        return 1;
    }

    /** Distinct analysed terms of the text, at most {@link #MAX_QUERY_TERMS}, as the runbook index takes them. */
    Set<String> terms(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(PastIncidentDocument.EVIDENCE, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                String t = term.toString();
                if (t.length() > 1 && t.length() < 64 && !t.chars().allMatch(Character::isDigit)) {
                    terms.add(t);
                }
            }
            stream.end();
        }
        return terms;
    }
}
