package dev.dataopsbot.knowledge.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Real runbooks from the repository's runbooks/ folder, a real in-memory Lucene index. */
class RunbookIndexTest {

    private static final Path RUNBOOKS = Path.of("..", "runbooks");

    @Test
    void the_real_runbook_folder_parses_without_errors() {
        RunbookLibrary library = RunbookLibrary.load(RUNBOOKS);
        assertEquals(List.of(), library.problems().stream().filter(RunbookProblem::isError).toList());
        assertTrue(library.runbooks().size() >= 30, "at least 30 runbooks, found " + library.runbooks().size());
    }

    @Test
    void the_mode_filters_and_the_system_ranks() {
        try (RunbookIndex index = RunbookIndex.build(RunbookLibrary.load(RUNBOOKS).runbooks())) {
            List<RunbookHit> hits = index.search(new RunbookQuery("credential_expiry", List.of(), "snowflake",
                    "390114 (08001): Authentication token has expired. The user must authenticate again."), 3);
            assertEquals(3, hits.size());
            assertEquals("credential-expiry-snowflake", hits.get(0).id());
            hits.forEach(hit -> assertTrue(hit.failureModes().contains("credential_expiry"), hit.id()));
            assertFalse(hits.get(0).snippet().isBlank());
            assertTrue(hits.get(0).snippet().matches("^[A-Z][\\w ]+: .*"), "snippet names its section: " + hits.get(0).snippet());
        }
    }

    @Test
    void bundled_prebuilt_index_matches_the_folder() {
        try (RunbookIndex bundled = RunbookIndex.bundled()) {
            assertEquals(RunbookLibrary.load(RUNBOOKS).runbooks().size(), bundled.size());
            assertTrue(bundled.runbooks().stream().allMatch(r -> r.path().startsWith("runbooks/")));
        }
    }

    @Test
    void query_syntax_in_user_text_is_just_text() {
        try (RunbookIndex index = RunbookIndex.build(RunbookLibrary.load(RUNBOOKS).runbooks())) {
            String hostile = "title:(a OR b) AND NOT \"unterminated *:* \\ ~2 ^9 [x TO y] {!lucene} /regex/ &&|| ??";
            List<RunbookHit> hits = index.search(new RunbookQuery("timeout", List.of(), "", hostile), 3);
            assertFalse(hits.isEmpty());
            hits.forEach(hit -> assertTrue(hit.failureModes().contains("timeout")));
        }
    }

    @Test
    void unknown_mode_without_runbooks_falls_back_to_text_search() {
        List<Runbook> only = RunbookLibrary.load(RUNBOOKS).runbooks().stream()
                .filter(r -> !r.failureModes().contains("unknown")).toList();
        try (RunbookIndex index = RunbookIndex.build(only)) {
            assertFalse(index.search(new RunbookQuery("unknown", List.of(), "", "deadlock detected"), 3).isEmpty());
        }
    }

    @Test
    void five_hundred_runbooks_index_and_search() {
        List<Runbook> source = RunbookLibrary.load(RUNBOOKS).runbooks();
        List<Runbook> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Runbook r = source.get(i % source.size());
            many.add(new Runbook(r.id() + "-" + i, r.title(), r.failureModes(), r.appliesTo(), r.severity(), r.safeToRetry(),
                    r.owner(), r.tags(), r.path(), r.failureModesLine(), r.sections()));
        }
        try (RunbookIndex index = RunbookIndex.build(many)) {
            assertEquals(500, index.size());
            assertEquals(3, index.search(new RunbookQuery("rate_limit", List.of(), "", "429 Too Many Requests"), 3).size());
        }
    }
}
