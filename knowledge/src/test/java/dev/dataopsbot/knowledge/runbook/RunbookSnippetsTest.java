package dev.dataopsbot.knowledge.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

class RunbookSnippetsTest {

    private static final Runbook RUNBOOK = runbook(Map.of(
            "Symptoms", "The load fails at night.\n\n```\nThrottlingException: Rate exceeded\n```\n",
            "Diagnostics", "1. Check the **warehouse** size.\n2. Look for `ThrottlingException` in the `loader` log. "
                    + "Then check the API quota for the account.\n"));

    private final RunbookSnippets snippets = new RunbookSnippets(RunbookIndex.allTerms(new EnglishAnalyzer()));

    @Test
    void the_top_hit_shows_the_sentence_with_the_most_query_terms_in_the_best_section() {
        String snippet = snippets.snippet(0, RUNBOOK, Set.of("throttlingexcept", "log", "loader"), true);

        assertEquals("Diagnostics: Look for ThrottlingException in the loader log.", snippet);
    }

    @Test
    void a_runner_up_shows_the_opening_of_its_best_section_without_markup() {
        String snippet = snippets.snippet(0, RUNBOOK, Set.of("throttlingexcept", "log", "loader"), false);

        assertEquals("Diagnostics: Check the warehouse size. Look for ThrottlingException in the loader log. "
                + "Then check the API quota for the account.", snippet);
    }

    @Test
    void without_a_matching_term_the_symptoms_open_the_snippet() {
        assertTrue(snippets.snippet(0, RUNBOOK, Set.of("kafka"), true).startsWith("Symptoms: The load fails at night."));
    }

    @Test
    void long_passages_are_cut_with_an_ellipsis() {
        Runbook longOne = runbook(Map.of("Fix", "word ".repeat(200) + "quota."));

        String snippet = snippets.snippet(1, longOne, Set.of("quota"), true);

        assertEquals(RunbookSnippets.MAX_CHARS, snippet.length() - "Fix: ".length());
        assertTrue(snippet.endsWith("…"));
    }

    private static Runbook runbook(Map<String, String> sections) {
        return new Runbook("r", "R", List.of("rate_limit"), List.of("generic"), "SEV3", "yes", "team", List.of(),
                "runbooks/r.md", 1, new LinkedHashMap<>(new java.util.TreeMap<>(sections).descendingMap()));
    }
}
