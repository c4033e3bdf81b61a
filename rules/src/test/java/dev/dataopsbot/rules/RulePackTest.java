package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

    private static final List<String> TEXTS = List.of(
            "HTTP 429 Too Many Requests from api.example.com",
            "ERROR: deadlock detected",
            "psycopg2.OperationalError: FATAL: password authentication failed for user \"etl\" (SQLSTATE 28P01)",
            "java.lang.OutOfMemoryError: Java heap space",
            "Task exited with return code 0",
            "Quota exceeded: Your project exceeded quota for free query bytes scanned");

    @TempDir
    Path dir;

    @Test
    void a_copy_of_the_bundled_folder_is_a_whole_pack_with_the_bundled_hash_and_answers() throws IOException {
        RulePack bundled = RulePack.bundled();
        RulePack copy = RulePack.fromFolder(BundledFolderCopy.to(dir.resolve("copy")));
        assertTrue(bundled.hash().matches("[0-9a-f]{12}"), bundled.hash());
        assertEquals(bundled.hash(), copy.hash());
        assertTrue(copy.replacesBundled());
        assertFalse(bundled.replacesBundled());
        assertEquals(List.of(), copy.problems());
        assertEquals(bundled.catalogues().entryCount(), copy.catalogues().entryCount());
        FailureModeClassifier a = bundled.classifier();
        FailureModeClassifier b = copy.classifier();
        for (String text : TEXTS) {
            Verdict before = a.classify(Alert.of("test", text));
            Verdict after = b.classify(Alert.of("test", text));
            assertEquals(before.failureMode(), after.failureMode(), text);
            assertEquals(before.decidingRule(), after.decidingRule(), text);
            assertEquals(before.confidence(), after.confidence(), 1e-9, text);
        }
    }

    @Test
    void a_whole_pack_without_a_rule_file_loses_that_files_rules_and_changes_hash() throws IOException {
        Path copy = BundledFolderCopy.to(dir.resolve("copy"));
        Files.delete(copy.resolve("rate_limit.drl"));
        RulePack pack = RulePack.fromFolder(copy);
        assertNotEquals(RulePack.bundled().hash(), pack.hash());
        Verdict verdict = pack.classifier().classify(Alert.of("test", "rate limit exceeded while calling the vendor API, giving up"));
        assertFalse(verdict.decidingRule().orElse("").startsWith("rate_limit:"), verdict.toString());
        Verdict bundled = RulePack.bundled().classifier().classify(Alert.of("test", "rate limit exceeded while calling the vendor API, giving up"));
        assertEquals("rate_limit", bundled.failureMode());
        assertTrue(bundled.decidingRule().orElseThrow().startsWith("rate_limit:"), bundled.decidingRule().toString());
    }

    @Test
    void a_folder_without_the_taxonomy_is_extra_rules_beside_the_bundled_ones() throws IOException {
        Files.writeString(dir.resolve("vendor.drl"), """
                package custom;
                import dev.dataopsbot.rules.LogLine;
                import dev.dataopsbot.rules.Evidence;

                rule "rate_limit: acme quota word"
                when
                    $l : LogLine( lower contains "acme-quota-hit" )
                then
                    insert(new Evidence("rate_limit", 0.9, $l, drools.getRule().getName()));
                end
                """);
        RulePack pack = RulePack.fromFolder(dir);
        assertFalse(pack.replacesBundled());
        assertEquals(RulePack.bundled().ruleFiles().size() + 1, pack.ruleFiles().size());
        assertNotEquals(RulePack.bundled().hash(), pack.hash());
        assertEquals("the bundled rules and " + dir, pack.description());
        FailureModeClassifier classifier = pack.classifier();
        assertEquals(java.util.Optional.of("rate_limit: acme quota word"),
                classifier.classify(Alert.of("test", "ERROR acme-quota-hit for tenant 7")).decidingRule());
        assertEquals("lock_contention", classifier.classify(Alert.of("test", "ERROR: deadlock detected")).failureMode());
    }

    @Test
    void a_broken_whole_pack_names_file_and_line() throws IOException {
        Path copy = BundledFolderCopy.to(dir.resolve("copy"));
        Path file = copy.resolve("timeout.drl");
        Files.writeString(file, Files.readString(file).replaceFirst("when", "whne"));
        RulePack pack = RulePack.fromFolder(copy);
        List<RuleProblem> problems = pack.problems();
        assertFalse(problems.isEmpty());
        assertEquals(file.toString(), problems.get(0).file());
        assertTrue(problems.get(0).line() > 0, problems.get(0).toString());
        assertThrows(RuleCompilationException.class, pack::kieBase);
    }

    @Test
    void a_missing_folder_is_refused_by_name() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RulePack.fromFolder(dir.resolve("nope")));
        assertTrue(e.problems().get(0).message().contains("does not exist"));
    }

    @Test
    void the_session_knows_which_rules_fired_including_the_taxonomy() {
        try (RuleSession session = RulePack.bundled().classifier().open(Alert.of("test", "ERROR: deadlock detected"))) {
            Verdict verdict = session.verdict();
            Set<String> fired = session.firedRules();
            assertTrue(fired.contains(verdict.decidingRule().orElseThrow()), fired.toString());
            assertTrue(fired.stream().anyMatch(r -> r.startsWith("taxonomy:")), fired.toString());
        }
    }
}
