package dev.dataopsbot.knowledge.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A runbook: front matter plus its {@code ## } sections in file order.
 *
 * @param path              where it came from, as shown to users ({@code runbooks/x.md} for bundled ones)
 * @param failureModesLine  the line of the {@code failure_modes} key, for lint messages
 */
public record Runbook(
        String id,
        String title,
        List<String> failureModes,
        List<String> appliesTo,
        String severity,
        String safeToRetry,
        String owner,
        List<String> tags,
        String path,
        int failureModesLine,
        Map<String, String> sections) {

    public Runbook {
        failureModes = List.copyOf(failureModes);
        appliesTo = List.copyOf(appliesTo);
        tags = List.copyOf(tags);
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** All sections as one markdown text, headings included: what the index stores and highlights. */
    public String body() {
        return sections.entrySet().stream()
                .map(e -> "## " + e.getKey() + "\n" + e.getValue())
                .collect(Collectors.joining("\n\n"));
    }
}
