package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {

    @TempDir
    Path dir;

    @Test
    void bundled_rule_files_are_one_per_failure_mode_plus_catalogue_precedence_taxonomy_and_retry() throws IOException {
        Path folder = Path.of("src/main/resources", RuleBase.BUNDLED_FOLDER);
        Set<String> present;
        try (Stream<Path> files = Files.list(folder)) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).collect(Collectors.toSet());
        }
        assertEquals(Set.copyOf(BundledRules.FILES), present);
        assertEquals(18, present.size());
    }

    @Test
    void bundled_rules_compile_with_the_runtime_compiler() {
        assertEquals(List.of(), RuleBase.checkBundled());
    }

    @Test
    void extra_rules_are_loaded_beside_the_bundled_ones() throws IOException {
        Files.writeString(dir.resolve("vendor.drl"), """
                package custom;
                import dev.dataopsbot.rules.LogLine;
                import dev.dataopsbot.rules.Evidence;

                rule "rate_limit: acme api quota word"
                when
                    $l : LogLine( lower contains "acme-quota-hit" )
                then
                    insert(new Evidence("rate_limit", 0.9, $l, drools.getRule().getName()));
                end
                """);
        FailureModeClassifier classifier = new FailureModeClassifier(RuleBase.withExtraRules(dir));
        Verdict custom = classifier.classify(Alert.of("test", "ERROR acme-quota-hit for tenant 7"));
        assertEquals("rate_limit", custom.failureMode());
        assertEquals("rate_limit: acme api quota word", custom.evidence().get(0).getRule());
        assertEquals("lock_contention", classifier.classify(Alert.of("test", "ERROR: deadlock detected")).failureMode(),
                "bundled rules still apply");
    }

    @Test
    void broken_rule_file_is_reported_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("good.drl"), "package custom;\nimport dev.dataopsbot.rules.LogLine;\nrule \"ok\" when LogLine() then end\n");
        Path broken = dir.resolve("broken.drl");
        Files.writeString(broken, """
                package custom;
                import dev.dataopsbot.rules.LogLine;

                rule "typo"
                when
                    $l : LogLine( lower contans "x" )
                then
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RuleBase.withExtraRules(dir));
        RuleProblem problem = e.problems().get(0);
        assertEquals(broken.toString(), problem.file());
        assertEquals(6, problem.line());
        assertTrue(problem.toString().startsWith(broken + ":6: "), problem.toString());
        assertEquals(e.problems(), RuleBase.check(dir), "rules check reports the same");
    }

    @Test
    void missing_rules_folder_is_a_clear_problem() {
        List<RuleProblem> problems = RuleBase.check(dir.resolve("nope"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("does not exist"));
    }
}
