package dev.dataopsbot.rules;

import java.util.Map;
import java.util.Objects;

/**
 * An alert or pasted log excerpt as the classifier sees it. The text must already be normalised
 * and redacted (see {@link dev.dataopsbot.rules.text.AlertText}); the classifier never sees raw
 * input.
 *
 * @param source     where it came from: {@code cli}, {@code slack}, {@code alertmanager}, ...
 * @param title      a one-line title when the source has one, else empty
 * @param text       the normalised, redacted body
 * @param attributes parsed fields of the source (labels, Slack fields); may be empty
 */
public record Alert(String source, String title, String text, Map<String, String> attributes) {

    public Alert {
        Objects.requireNonNull(source, "source");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static Alert of(String source, String text) {
        return new Alert(source, "", text, Map.of());
    }
}
