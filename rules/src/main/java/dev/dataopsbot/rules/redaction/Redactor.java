package dev.dataopsbot.rules.redaction;

import java.util.Map;
import java.util.TreeMap;

/**
 * Removes secrets and personal data from text before it is printed, stored, indexed or logged.
 *
 * <p>Secrets are the kinds of a {@link SecretCatalogue}; they become {@value #MARK} with the
 * structure around them kept ({@code password=[REDACTED]}, {@code postgres://etl:[REDACTED]@db},
 * {@code https://hooks.slack.com/[REDACTED]}) so that rules still see what kind of line it was.
 * Personal data is then marked by kind ({@code [REDACTED:email]}, {@code [REDACTED:iban]}) so that
 * the PII rules can count it. One pass over the text finds every kind's candidate positions; each
 * regex runs only there and has bounded repetition, so a hostile 1 MiB paste costs linear time.
 * Thread-safe.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    /**
     * The redacted text and how many of each kind were removed.
     *
     * @param counts by kind id ({@code github_pat}, {@code email}, ...)
     */
    public record Result(String text, Map<String, Integer> counts) {
    }

    private final SecretCatalogue secrets;
    private final PersonalData personalData = new PersonalData();

    /** A redactor for the bundled catalogue. */
    public Redactor() {
        this(SecretCatalogue.bundled());
    }

    public Redactor(SecretCatalogue secrets) {
        this.secrets = secrets;
    }

    public SecretCatalogue catalogue() {
        return secrets;
    }

    public Result redact(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        Redaction found = new Redaction();
        secrets.find(text, found);
        String out = found.applyTo(text, counts);
        Redaction personal = new Redaction();
        personalData.find(out, personal);
        out = personal.applyTo(out, counts);
        return new Result(out, Map.copyOf(counts));
    }
}
