package dev.dataopsbot.knowledge.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.dataopsbot.knowledge.incident.StoredAlert;

/** Repeated alerts: how often the alert fired, from when to when, by source. Left out when it fired once. */
final class RepeatedAlertsSection implements SummarySection {

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        int count = facts.incident().alertCount();
        if (count <= 1) {
            return;
        }
        out.section("Repeated alerts");
        List<StoredAlert> alerts = facts.alerts();
        StringBuilder line = new StringBuilder("The alert fired ").append(count).append(" times (")
                .append(count - 1).append(count == 2 ? " repeat" : " repeats").append(")");
        if (!alerts.isEmpty()) {
            line.append(", first at ").append(TimeFormat.utc(alerts.get(0).receivedAt()))
                    .append(", last at ").append(TimeFormat.utc(alerts.get(alerts.size() - 1).receivedAt()));
        }
        out.paragraph(line.append('.').toString());
        Map<String, Long> bySource = alerts.stream()
                .collect(Collectors.groupingBy(StoredAlert::source, LinkedHashMap::new, Collectors.counting()));
        if (bySource.size() > 1) {
            out.paragraph("By source: " + bySource.entrySet().stream()
                    .map(e -> MarkdownText.inline(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + ".");
        }
    }
}
