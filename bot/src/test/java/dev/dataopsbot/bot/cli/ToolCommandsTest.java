package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCommandsTest {

    @TempDir
    Path dir;

    @Test
    void the_real_runbooks_folder_passes_lint() {
        Cli.Run run = Cli.run("", "runbooks", "lint", Path.of("..", "runbooks").toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains(" 0 errors"), run.out());
    }

    @Test
    void bundled_runbooks_pass_lint() {
        Cli.Run run = Cli.run("", "runbooks", "lint");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("runbooks (bundled)"));
    }

    @Test
    void lint_reports_file_line_message_and_exits_1() throws IOException {
        Files.writeString(dir.resolve("x.md"), "---\nid: x\ntitle: t\nfailure_modes: [cred_expiry]\n---\n## Symptoms\na\n## Diagnostics\nb\n## Remediation\nc\n## Validation\nd\n");
        Cli.Run run = Cli.run("", "runbooks", "lint", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(dir.resolve("x.md") + ":4: unknown failure mode 'cred_expiry' (known: credential_expiry,"), run.err());
        assertTrue(run.err().contains("no runbook covers failure mode 'timeout'"), run.err());
    }

    @Test
    void rules_check_passes_on_bundled_rules_and_reports_broken_files() throws IOException {
        Cli.Run ok = Cli.run("", "rules", "check");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().strip().matches("ok: the bundled rules compile \\(pack [0-9a-f]{12}\\); 13 error-code catalogues, \\d{4} entries;"
                + " \\d{4} examples for \\d{3} rules and \\d{4} catalogue entries(, \\d+ warnings)?"), ok.out());
        assertTrue(ok.err().lines().allMatch(l -> l.startsWith("warning: ")), "only warnings: " + ok.err());
        Files.writeString(dir.resolve("bad.drl"), "package x;\nrule \"y\" when\n  Nope( ) then end\n");
        Cli.Run bad = Cli.run("", "rules", "check", dir.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith(dir.resolve("bad.drl") + ":"), bad.err());
    }

    @Test
    void rules_check_runs_the_examples_of_a_team_folder() throws IOException {
        Files.writeString(dir.resolve("acme.drl"), """
                package site;
                import dev.dataopsbot.rules.LogLine;
                import dev.dataopsbot.rules.Evidence;

                rule "dependency_unavailable: acme gateway down"
                when
                    $l : LogLine( lower contains "acme-gateway" && lower contains "unreachable" )
                then
                    insert(new Evidence("dependency_unavailable", 0.9, $l, drools.getRule().getName()));
                end
                """);
        Cli.Run missing = Cli.run("", "rules", "check", dir.toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith(dir.resolve("acme.drl") + ":5: rule 'dependency_unavailable: acme gateway down'"
                + " has no example; add a line"), missing.err());
        assertTrue(missing.out().strip().equals("1 problem in the bundled rules and " + dir), missing.out());

        Files.writeString(dir.resolve("acme.examples"),
                "dependency_unavailable: acme gateway down\tacme-gateway unreachable: HTTP 429 Too Many Requests\n");
        Cli.Run warned = Cli.run("", "rules", "check", dir.toString());
        assertEquals(0, warned.exitCode(), warned.err());
        assertTrue(warned.err().contains("warning: " + dir.resolve("acme.examples") + ":1: rule 'dependency_unavailable: acme"
                + " gateway down' fires, but the example is classified as rate_limit by "), warned.err());
        assertTrue(warned.out().startsWith("ok: the bundled rules and " + dir + " compile (pack "), warned.out());

        Files.writeString(dir.resolve("acme.examples"),
                "dependency_unavailable: acme gateway down\tERROR acme-gateway is up again\n");
        Cli.Run unmatched = Cli.run("", "rules", "check", dir.toString());
        assertEquals(1, unmatched.exitCode(), unmatched.err());
        assertTrue(unmatched.err().startsWith(dir.resolve("acme.examples") + ":1: rule 'dependency_unavailable: acme gateway down'"
                + " does not fire on this example"), unmatched.err());
    }

    @Test
    void a_broken_team_catalogue_is_named_by_rules_check_and_skipped_by_triage() throws IOException {
        Files.writeString(dir.resolve("inhouse.tsv"), """
                # catalogue: inhouse
                # title: In-house sync tool error codes
                # system: inhouse-sync
                # source: https://wiki.example.com/inhouse-sync/errors
                # licence: internal
                # match: token
                ZX_4410\tconfig_error\tafter_fix\t0.8\ttenant mapping rejected
                ZX_4411\tsleepy\tyes\t0.8\tno such mode
                """);
        Cli.Run check = Cli.run("", "rules", "check", dir.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.err().contains(dir.resolve("inhouse.tsv") + ":8: unknown failure mode 'sleepy'"), check.err());

        Cli.Run triage = Cli.run("ERROR ZX_4410 tenant mapping rejected for region eu-3", "triage", "--json", "--dry-run",
                "--rules", dir.toString(), "-");
        assertEquals(0, triage.exitCode(), triage.err());
        assertTrue(triage.err().contains("inhouse.tsv:8: unknown failure mode 'sleepy'"), triage.err());
        assertTrue(triage.out().contains("\"failure_mode\" : \"config_error\""), "the good entry works: " + triage.out());
        assertTrue(triage.out().contains("catalogue inhouse: ZX_4410"), triage.out());
    }

    @Test
    void help_and_version_work_everywhere() {
        assertEquals(0, Cli.run("", "--version").exitCode());
        assertTrue(Cli.run("", "--version").out().startsWith("dataops-bot "));
        for (String[] args : new String[][] {{"--help"}, {"triage", "--help"}, {"runbooks", "lint", "--help"}, {"rules", "check", "--help"}}) {
            Cli.Run run = Cli.run("", args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().contains("Usage:"), run.out());
        }
    }

    @Test
    void missing_folder_arguments_are_bad_usage() {
        assertEquals(2, Cli.run("", "runbooks", "lint", dir.resolve("nope").toString()).exitCode());
        assertEquals(2, Cli.run("", "rules", "check", dir.resolve("nope").toString()).exitCode());
    }
}
