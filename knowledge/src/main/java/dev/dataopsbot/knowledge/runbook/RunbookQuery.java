package dev.dataopsbot.knowledge.runbook;

import java.util.List;

/**
 * What to look for: built from a triage verdict, never parsed from user syntax.
 *
 * @param failureMode the primary mode: runbooks that list it (or a secondary mode) are the only candidates
 * @param secondary   secondary modes, candidates after the primary ones
 * @param system      the failing system ({@code snowflake}, ...), preferred in {@code applies_to}; may be empty
 * @param text        free text to match: evidence lines, entity values; analysed into terms
 */
public record RunbookQuery(String failureMode, List<String> secondary, String system, String text) {

    public RunbookQuery {
        secondary = List.copyOf(secondary);
        system = system == null ? "" : system;
        text = text == null ? "" : text;
    }
}
