package dev.dataopsbot.bot.triage;

import java.util.List;
import java.util.Map;

import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.text.Redactor;

/**
 * One triage, whatever the entry point: the verdict, the runbooks that fit, the redacted text
 * it was computed from and what was redacted. Renderers only format this.
 */
public record Triage(
        Verdict verdict,
        List<RunbookHit> runbooks,
        String redactedText,
        Map<Redactor.Kind, Integer> redactions,
        List<String> warnings) {

    public Triage {
        runbooks = List.copyOf(runbooks);
        redactions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(redactions));
        warnings = List.copyOf(warnings);
    }
}
