package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Every term of the runbook index with its per-segment state, read once when the index opens.
 *
 * <p>A {@link TermQuery} built without {@link TermStates} seeks its term in the terms dictionary
 * each time it is used; a triage query has some forty term clauses, and those seeks were a third
 * of the search time. The vocabulary of a runbook library is small (a few thousand terms), so
 * looking the states up in a map costs less, and a query term the runbooks do not contain is
 * known to match nothing without touching the index.
 */
final class TermStatistics {

    private final Map<String, Map<String, TermStates>> byField = new HashMap<>();

    TermStatistics(IndexReader reader, String... fields) throws IOException {
        for (String field : fields) {
            Map<String, TermStates> states = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    states.computeIfAbsent(term.utf8ToString(), t -> new TermStates(reader.getContext()))
                            .register(termsEnum.termState(), leaf.ord, termsEnum.docFreq(), termsEnum.totalTermFreq());
                }
            }
            byField.put(field, states);
        }
    }

    /** A query for the term with its states ready, or null when no runbook contains it. */
    TermQuery query(String field, String text) {
        TermStates states = byField.getOrDefault(field, Map.of()).get(text);
        return states == null ? null : new TermQuery(new Term(field, text), states);
    }
}
