package dev.dataopsbot.knowledge.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Library-wide checks on top of parsing, as {@code runbooks lint} runs them: failure-mode ids
 * that the taxonomy does not know, duplicate ids, ids that differ from the file name, and
 * taxonomy modes that no runbook covers.
 */
public final class RunbookLinter {

    private final List<String> knownModes;

    /** @param knownModes the taxonomy ids, in taxonomy order */
    public RunbookLinter(List<String> knownModes) {
        this.knownModes = List.copyOf(knownModes);
    }

    public List<RunbookProblem> lint(RunbookLibrary library, String folderName) {
        List<RunbookProblem> problems = new ArrayList<>(library.problems());
        Map<String, String> firstFileById = new HashMap<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Runbook runbook : library.runbooks()) {
            for (String mode : runbook.failureModes()) {
                if (knownModes.contains(mode)) {
                    covered.add(mode);
                } else {
                    problems.add(RunbookProblem.error(runbook.path(), runbook.failureModesLine(), "unknown failure mode '" + mode
                            + "' (known: " + String.join(", ", knownModes) + ")"));
                }
            }
            String previous = firstFileById.putIfAbsent(runbook.id(), runbook.path());
            if (previous != null) {
                problems.add(RunbookProblem.error(runbook.path(), 2, "duplicate id '" + runbook.id() + "', also used by " + previous));
            }
            String fileName = runbook.path().substring(runbook.path().lastIndexOf('/') + 1);
            if (!fileName.equals(runbook.id() + ".md")) {
                problems.add(RunbookProblem.warning(runbook.path(), 2, "id '" + runbook.id() + "' differs from the file name; name the file " + runbook.id() + ".md"));
            }
        }
        for (String mode : knownModes) {
            if (!covered.contains(mode)) {
                problems.add(RunbookProblem.error(folderName, 0, "no runbook covers failure mode '" + mode + "'; add one with failure_modes: [" + mode + "]"));
            }
        }
        return problems;
    }
}
