package dev.dataopsbot.rules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.dataopsbot.rules.RuleBase;
import dev.dataopsbot.rules.BundledFolderCopy;
import dev.dataopsbot.rules.RulePack;
import dev.dataopsbot.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples beside the rules, run through the real rules: bundled, an extras folder, a whole pack. */
class ExampleCheckTest {

    /** Two site rules: the first with a gate that only its own log lines pass. */
    private static final String SITE_DRL = """
            package site;
            import dev.dataopsbot.rules.LogLine;
            import dev.dataopsbot.rules.Evidence;

            rule "dependency_unavailable: acme gateway down"
            when
                $l : LogLine( lower contains "acme-gateway" && lower contains "unreachable" )
            then
                insert(new Evidence("dependency_unavailable", 0.9, $l, drools.getRule().getName()));
            end

            rule "dependency_unavailable: acme vendor api named"
            when
                $l : LogLine( lower contains "acme-vendor-api" )
            then
                insert(new Evidence("dependency_unavailable", 0.4, $l, drools.getRule().getName()));
            end
            """;


    @TempDir
    Path dir;

    @Test
    void the_bundled_pack_backs_every_rule_and_entry_with_examples_that_pass() {
        RulePack pack = RulePack.bundled();
        ExampleReport report = new ExampleCheck(pack).run();
        System.out.println("bundled examples: " + report.summary() + "; warnings: " + report.warnings().size());
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(), report.warnings(), "an example another mode wins is a rule or a catalogue entry to fix");
        assertTrue(report.rules() >= 150, report.summary());
        assertEquals(pack.catalogues().entryCount(), report.catalogueEntries());
        assertTrue(report.examples() >= report.rules() + report.catalogueEntries(), report.summary());
    }

    @Test
    void a_rule_without_an_example_is_an_error_at_the_rules_file_and_line() throws IOException {
        Files.writeString(dir.resolve("site.drl"), SITE_DRL);
        Files.writeString(dir.resolve("site.examples"), """
                # site rules
                dependency_unavailable: acme gateway down\tERROR acme-gateway is unreachable from worker-3 (connect timed out)
                """);
        ExampleReport report = new ExampleCheck(RulePack.fromFolder(dir)).run();
        List<RuleProblem> ours = inFolder(report.errors());
        assertEquals(1, ours.size(), ours.toString());
        assertEquals(dir.resolve("site.drl") + ":12: rule 'dependency_unavailable: acme vendor api named' has no example;"
                + " add a line 'dependency_unavailable: acme vendor api named<TAB><a log line it matches>' to site.examples",
                ours.get(0).toString());
    }

    @Test
    void an_example_its_rule_does_not_match_is_an_error_at_the_example() throws IOException {
        Files.writeString(dir.resolve("site.drl"), SITE_DRL);
        Files.writeString(dir.resolve("site.examples"), """
                dependency_unavailable: acme gateway down\tERROR acme-gateway is unreachable from worker-3 (connect timed out)
                dependency_unavailable: acme vendor api named\tacme-vendor-api: connection refused
                dependency_unavailable: acme gateway down\tERROR acme-gateway answered 200 OK
                """);
        List<RuleProblem> ours = inFolder(new ExampleCheck(RulePack.fromFolder(dir)).run().errors());
        assertEquals(1, ours.size(), ours.toString());
        assertEquals(dir.resolve("site.examples").toString(), ours.get(0).file());
        assertEquals(3, ours.get(0).line());
        assertTrue(ours.get(0).message().startsWith("rule 'dependency_unavailable: acme gateway down' does not fire on this example"
                + " (classified as "), ours.get(0).message());
    }

    @Test
    void an_example_classified_as_another_mode_is_a_warning() throws IOException {
        Files.writeString(dir.resolve("site.drl"), SITE_DRL);
        Files.writeString(dir.resolve("site.examples"), """
                dependency_unavailable: acme gateway down\tERROR acme-gateway is unreachable from worker-3 (connect timed out)
                dependency_unavailable: acme vendor api named\tacme-vendor-api answered HTTP 429 Too Many Requests; retry after 30s
                """);
        ExampleReport report = new ExampleCheck(RulePack.fromFolder(dir)).run();
        assertEquals(List.of(), inFolder(report.errors()));
        List<RuleProblem> warnings = inFolder(report.warnings());
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(dir.resolve("site.examples") + ":2", warnings.get(0).file() + ":" + warnings.get(0).line());
        assertTrue(warnings.get(0).message().startsWith("rule 'dependency_unavailable: acme vendor api named' fires, but the"
                + " example is classified as rate_limit by "), warnings.get(0).message());
        assertTrue(warnings.get(0).message().endsWith(", not dependency_unavailable"), warnings.get(0).message());
    }

    @Test
    void malformed_examples_lines_are_errors_at_their_lines() throws IOException {
        Files.writeString(dir.resolve("site.drl"), SITE_DRL);
        Files.writeString(dir.resolve("site.examples"), """
                # comment
                dependency_unavailable: acme gateway down\tERROR acme-gateway is unreachable from worker-3 (connect timed out)
                dependency_unavailable: acme vendor api named\tacme-vendor-api: connection refused
                dependency_unavailable: acme gateway down ERROR acme-gateway is unreachable
                dependency_unavailable: acme gateway down\t  \s
                dependency_unavailable: acme gateway is gone\tERROR acme-gateway is unreachable
                dependency_unavailable: acme gateway down\tERROR acme-gateway is unreachable from worker-3 (connect timed out)
                """);
        Files.writeString(dir.resolve("orphan.examples"), "x\ty\n");
        List<String> ours = inFolder(new ExampleCheck(RulePack.fromFolder(dir)).run().errors()).stream()
                .map(RuleProblem::toString).toList();
        String examples = dir.resolve("site.examples").toString();
        assertEquals(List.of(
                dir.resolve("orphan.examples") + ":1: no orphan.drl or orphan.tsv beside this examples file",
                examples + ":4: expected '<rule name><TAB><example>', found no tab",
                examples + ":5: empty example for 'dependency_unavailable: acme gateway down'",
                examples + ":6: 'dependency_unavailable: acme gateway is gone' is no rule in site.drl",
                examples + ":7: this example is listed twice; keep one"), ours);
    }

    @Test
    void an_extras_catalogue_needs_examples_that_carry_its_codes() throws IOException {
        Files.writeString(dir.resolve("acme-codes.tsv"), """
                # catalogue: acme-codes
                # title: ACME gateway error codes
                # system: acme
                # source: https://acme.example/docs/errors
                # licence: ours
                # match: token
                ACME_GW_4711\tdependency_unavailable\t-\t0.9\tgateway unreachable
                ACME_QUOTA_12\trate_limit\t-\t0.9\ttenant quota exhausted
                ACME_INFO_1\tunknown\t-\t0.5\tinformational
                """);
        Files.writeString(dir.resolve("acme-codes.examples"), """
                ACME_GW_4711\tERROR gateway call failed: ACME_GW_4711 upstream unreachable
                ACME_QUOTA_12\tERROR gateway call failed: ACME_QUOTA_121 (tenant quota)
                ACME_INFO_1\tnotice ACME_INFO_1 gateway warm-up done
                ACME_NOPE\tERROR ACME_NOPE
                """);
        List<String> ours = inFolder(new ExampleCheck(RulePack.fromFolder(dir)).run().errors()).stream()
                .map(RuleProblem::toString).toList();
        String examples = dir.resolve("acme-codes.examples").toString();
        assertEquals(List.of(
                examples + ":4: 'ACME_NOPE' is no code in catalogue acme-codes",
                examples + ":2: catalogue acme-codes does not find code 'ACME_QUOTA_12' in this example"), ours);
    }

    @Test
    void a_whole_pack_copy_carries_its_examples_and_passes_like_the_bundled_pack() throws IOException {
        Path copy = BundledFolderCopy.to(dir.resolve("copy"));
        ExampleReport bundled = new ExampleCheck(RulePack.bundled()).run();
        ExampleReport report = new ExampleCheck(RulePack.fromFolder(copy)).run();
        assertEquals(bundled.summary(), report.summary());
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(), report.warnings(), "an example another mode wins is a rule or a catalogue entry to fix");

        Files.writeString(copy.resolve("rate_limit.examples"), Files.readString(copy.resolve("rate_limit.examples"))
                .lines().filter(l -> !l.startsWith("rate_limit: retry after")).reduce("", (a, b) -> a + b + "\n"));
        List<RuleProblem> missing = new ExampleCheck(RulePack.fromFolder(copy)).run().errors();
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).toString().startsWith(copy.resolve("rate_limit.drl") + ":"), missing.toString());
        assertTrue(missing.get(0).message().startsWith("rule 'rate_limit: retry after' has no example"), missing.toString());
    }

    @Test
    void a_backslash_n_separates_lines_and_a_double_backslash_is_a_backslash() {
        assertEquals("a\nb", ExamplesFile.decode("a\\nb"));
        assertEquals("C:\\new", ExamplesFile.decode("C:\\\\new"));
        assertEquals("C:\\data", ExamplesFile.decode("C:\\data"));
    }

    private List<RuleProblem> inFolder(List<RuleProblem> problems) {
        return problems.stream().filter(p -> p.file().startsWith(dir.toString())).toList();
    }
}
