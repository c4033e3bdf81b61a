package dev.dataopsbot.rules.examples;

import java.util.List;

import dev.dataopsbot.rules.RuleProblem;

/**
 * What {@link ExampleCheck} found.
 *
 * @param errors           rules and entries without an example, examples that match nothing,
 *                         malformed examples lines, each {@code file:line: message}
 * @param warnings         examples that match but are classified as another failure mode
 * @param examples         the examples run
 * @param rules            the DRL rules declared in the pack
 * @param catalogueEntries the catalogue entries in force
 */
public record ExampleReport(List<RuleProblem> errors, List<RuleProblem> warnings, int examples, int rules,
                            int catalogueEntries) {

    public ExampleReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when no example is missing or failing (warnings allowed). */
    public boolean passed() {
        return errors.isEmpty();
    }

    /** {@code 1912 examples for 164 rules and 1739 catalogue entries}. */
    public String summary() {
        return examples + " examples for " + rules + " rules and " + catalogueEntries + " catalogue entries";
    }
}
