package dev.dataopsbot.knowledge.report;

import java.util.List;

/**
 * How reliable the pipelines were over a window: what failed, how fast people reacted, how often
 * each rule's decisions were confirmed right, which alerts were noisiest, what is still open. Lists are in a fixed order (see {@link ReportBuilder}),
 * so the same data always renders the same way.
 *
 * @param failureModes        most incidents first, then by name
 * @param rules               what decided the window's incidents, each with the feedback on its decisions,
 *                            {@link RulePrecision#WORST_FIRST}; incidents without a decider are not counted
 * @param noisiestFingerprints at most {@link ReportBuilder#NOISIEST_LIMIT}, most alerts first
 * @param openTotal           how many incidents are not resolved, in or before the window
 * @param open                the oldest of them, at most the builder's limit, oldest first
 * @param severeTotal         how many SEV1/SEV2 incidents were detected in the window
 * @param severe              SEV1 before SEV2, newest first, at most the builder's limit
 */
public record ReliabilityReport(ReportWindow window, ReportTotals totals, List<FailureModeStats> failureModes,
                                List<RulePrecision> rules, List<NoisyFingerprint> noisiestFingerprints, int openTotal,
                                List<OpenIncident> open, int severeTotal, List<SevereIncident> severe) {

    public ReliabilityReport {
        failureModes = List.copyOf(failureModes);
        rules = List.copyOf(rules);
        noisiestFingerprints = List.copyOf(noisiestFingerprints);
        open = List.copyOf(open);
        severe = List.copyOf(severe);
    }

    /** True when nothing was detected in the window (open incidents from before may remain). */
    public boolean isEmpty() {
        return totals.incidents() == 0 && totals.alerts() == 0;
    }
}
