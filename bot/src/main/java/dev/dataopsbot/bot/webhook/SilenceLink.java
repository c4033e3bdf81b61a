package dev.dataopsbot.bot.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * A link into Alertmanager's web UI that opens the "New silence" form with matchers filled in:
 * {@code <externalURL>/#/silences/new?filter=} and the percent-encoded matcher list
 * {@code {alertname="X", topic="orders"}}. This is the link the UI's own Silence button on an
 * alert builds (Alertmanager {@code ui/app/src/Views/SilenceForm/Parsing.elm},
 * {@code newSilenceFromAlertLabels}: matchers stringified by {@code Utils/Filter.elm}
 * {@code stringifyFilter} as {@code name="value"} joined by {@code ", "} in braces, each value
 * JSON-quoted, the whole percent-encoded). The form only pre-fills: nothing is silenced until a
 * person presses Create.
 */
final class SilenceLink {

    private SilenceLink() {
    }

    /**
     * @param externalUrl Alertmanager's {@code externalURL}; no link when blank
     * @param matchers    equality matchers, {@code alertname} first
     */
    static Optional<String> of(String externalUrl, List<SourceAlert.Label> matchers) {
        if (externalUrl == null || externalUrl.isBlank() || matchers.isEmpty()) {
            return Optional.empty();
        }
        String filter = matchers.stream().map(m -> m.name() + "=" + quoted(m.value()))
                .collect(Collectors.joining(", ", "{", "}"));
        return Optional.of(externalUrl.strip().replaceAll("/+$", "") + "/#/silences/new?filter=" + encoded(filter));
    }

    /** A JSON string literal, as Elm's {@code Encode.encode 0 (Encode.string value)} writes it. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encoding as JavaScript's {@code encodeURIComponent} (spaces as {@code %20}, not {@code +}). */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
