package dev.dataopsbot.rules.text;

import java.util.Map;

import dev.dataopsbot.rules.redaction.Redactor;

/**
 * The one way raw alert text becomes safe text: normalise, then redact. Everything downstream
 * (rules, output, storage, index) sees only {@link Prepared#text()}.
 */
public final class AlertText {

    private final TextNormalizer normalizer;
    private final Redactor redactor;

    public AlertText(TextNormalizer normalizer, Redactor redactor) {
        this.normalizer = normalizer;
        this.redactor = redactor;
    }

    public AlertText() {
        this(new TextNormalizer(), new Redactor());
    }

    /**
     * Normalised, redacted text and what was redacted.
     *
     * @param redactions how many of each kind were removed, by kind id ({@code github_pat}, {@code email})
     */
    public record Prepared(String text, Map<String, Integer> redactions) {
        public boolean isBlank() {
            return text.isBlank();
        }
    }

    public Prepared prepare(String raw) {
        Redactor.Result result = redactor.redact(normalizer.normalize(raw == null ? "" : raw));
        return new Prepared(result.text(), result.counts());
    }
}
