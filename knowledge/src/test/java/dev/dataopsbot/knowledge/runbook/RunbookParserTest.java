package dev.dataopsbot.knowledge.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunbookParserTest {

    private final RunbookParser parser = new RunbookParser();

    private static final String VALID = """
            ---
            id: credential-expiry-snowflake
            title: Snowflake credential or key-pair expired
            failure_modes: [credential_expiry]
            applies_to: [snowflake]
            severity: SEV2
            safe_to_retry: no
            owner: data-platform
            tags: [auth, secrets]
            ---
            ## Symptoms
            Authentication token has expired.
            ## Diagnostics
            Run DESC USER.
            ## Remediation
            Rotate the key.
            ## Validation
            The task succeeds.
            ## Escalation
            Platform team.
            """;

    @Test
    void valid_runbook_is_parsed_with_front_matter_and_sections() {
        RunbookParser.Result result = parser.parse("runbooks/x.md", VALID);
        Runbook runbook = result.runbook().orElseThrow();
        assertEquals("credential-expiry-snowflake", runbook.id());
        assertEquals(List.of("credential_expiry"), runbook.failureModes());
        assertEquals(List.of("snowflake"), runbook.appliesTo());
        assertEquals("no", runbook.safeToRetry(), "YAML 1.1 reads unquoted no as false; the runbook means the word");
        assertEquals(List.of("Symptoms", "Diagnostics", "Remediation", "Validation", "Escalation"), List.copyOf(runbook.sections().keySet()));
        assertEquals(4, runbook.failureModesLine());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void broken_yaml_is_reported_with_its_line() {
        String broken = VALID.replace("failure_modes: [credential_expiry]", "failure_modes: [credential_expiry");
        RunbookParser.Result result = parser.parse("runbooks/x.md", broken);
        assertTrue(result.runbook().isEmpty());
        RunbookProblem problem = result.problems().get(0);
        assertTrue(problem.isError());
        assertTrue(problem.line() >= 4 && problem.line() <= 6, "line " + problem.line());
        assertTrue(problem.toString().startsWith("runbooks/x.md:" + problem.line() + ": front matter is not valid YAML"), problem.toString());
    }

    @Test
    void missing_front_matter_and_unclosed_front_matter_are_errors() {
        assertEquals("runbooks/x.md:1: missing front matter: the file must start with a '---' line, then YAML, then '---'",
                parser.parse("runbooks/x.md", "# Title\n## Symptoms\n").problems().get(0).toString());
        assertTrue(parser.parse("runbooks/x.md", "---\nid: x\n## Symptoms\n").problems().get(0).message().contains("not closed"));
    }

    @Test
    void missing_keys_bad_values_and_missing_sections_are_each_reported() {
        String bad = """
                ---
                title: No id here
                failure_modes: []
                severity: SEV9
                safe_to_retry: maybe
                ---
                ## Symptoms
                something
                """;
        List<String> messages = parser.parse("runbooks/bad.md", bad).problems().stream().map(RunbookProblem::toString).toList();
        assertTrue(messages.contains("runbooks/bad.md:2: missing required key 'id'"), messages.toString());
        assertTrue(messages.contains("runbooks/bad.md:3: 'failure_modes' must not be empty"), messages.toString());
        assertTrue(messages.contains("runbooks/bad.md:4: severity 'SEV9' must be one of SEV1, SEV2, SEV3, SEV4"), messages.toString());
        assertTrue(messages.contains("runbooks/bad.md:5: safe_to_retry 'maybe' must be one of yes, no, after_fix"), messages.toString());
        assertTrue(messages.contains("runbooks/bad.md:7: missing required section '## Diagnostics'"), messages.toString());
        assertTrue(messages.contains("runbooks/bad.md:7: missing required section '## Validation'"), messages.toString());
    }
}
