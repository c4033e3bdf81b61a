package dev.dataopsbot.knowledge.runbook;

import java.util.List;

/**
 * A runbook that fits an alert.
 *
 * @param snippet the best-matching passage, prefixed with its section name
 */
public record RunbookHit(String id, String title, String path, List<String> failureModes, double score, String snippet) {

    public RunbookHit {
        failureModes = List.copyOf(failureModes);
    }
}
