package dev.dataopsbot.knowledge.summary;

import dev.dataopsbot.knowledge.incident.IncidentMetrics;

/** Metrics: time to detect, acknowledge, mitigate and resolve, each {@code unknown} until its end is recorded. */
final class MetricsSection implements SummarySection {

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        IncidentMetrics metrics = facts.incident().metrics();
        out.section("Metrics");
        out.table("Metric", "Value", "Measured");
        out.row("Time to detect (TTD)", TimeFormat.duration(metrics.timeToDetect()), "start of the impact → first alert");
        out.row("Time to acknowledge (TTA)", TimeFormat.duration(metrics.timeToAcknowledge()), "first alert → acknowledgement");
        out.row("Time to mitigate (TTM)", TimeFormat.duration(metrics.timeToMitigate()), "first alert → mitigation");
        out.row("Time to resolve (TTR)", TimeFormat.duration(metrics.timeToResolve()), "first alert → resolution");
    }
}
