package dev.dataopsbot.knowledge.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLinterTest {

    private static final List<String> MODES = List.of("credential_expiry", "timeout", "unknown");

    @TempDir
    Path dir;

    private void write(String file, String id, String modes) throws IOException {
        Files.writeString(dir.resolve(file), """
                ---
                id: %s
                title: A runbook
                failure_modes: %s
                ---
                ## Symptoms
                a
                ## Diagnostics
                b
                ## Remediation
                c
                ## Validation
                d
                ## Escalation
                e
                """.formatted(id, modes));
    }

    @Test
    void unknown_modes_duplicate_ids_and_uncovered_modes_are_errors() throws IOException {
        write("a.md", "a", "[credential_expiry]");
        write("b.md", "a", "[cred_expiry]");
        write("broken.md", "c", "[timeout");
        List<RunbookProblem> problems = new RunbookLinter(MODES).lint(RunbookLibrary.load(dir), dir.toString());
        List<String> messages = problems.stream().map(RunbookProblem::toString).toList();
        assertTrue(messages.contains(dir.resolve("b.md") + ":4: unknown failure mode 'cred_expiry' (known: credential_expiry, timeout, unknown)"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(dir.resolve("b.md") + ":2: duplicate id 'a'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(dir.resolve("broken.md") + ":") && m.contains("not valid YAML")), messages.toString());
        assertTrue(messages.contains(dir + ":0: no runbook covers failure mode 'timeout'; add one with failure_modes: [timeout]"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("id 'a' differs from the file name")), "a warning for b.md");
    }

    @Test
    void a_clean_folder_has_no_errors() throws IOException {
        write("a.md", "a", "[credential_expiry, timeout]");
        write("u.md", "u", "[unknown]");
        List<RunbookProblem> problems = new RunbookLinter(MODES).lint(RunbookLibrary.load(dir), dir.toString());
        assertEquals(List.of(), problems);
    }

    @Test
    void missing_folder_is_one_clear_error() {
        List<RunbookProblem> problems = RunbookLibrary.load(dir.resolve("nope")).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("does not exist"));
    }

    @Test
    void invalid_utf8_file_is_reported_not_fatal() throws IOException {
        write("a.md", "a", "[credential_expiry]");
        Files.write(dir.resolve("bin.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        RunbookLibrary library = RunbookLibrary.load(dir);
        assertEquals(1, library.runbooks().size());
        assertTrue(library.problems().get(0).toString().contains("bin.md:1: not valid UTF-8"));
    }
}
