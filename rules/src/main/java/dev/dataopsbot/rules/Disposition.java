package dev.dataopsbot.rules;

/**
 * What to do about the chosen failure mode: severity, escalation and whether a re-run is safe.
 * Inserted once the primary mode is known; the rules of {@code taxonomy.drl} fill it in from
 * the taxonomy table and adjust it (a Tier 1 dataset raises severity, nothing lowers PII).
 */
public final class Disposition {

    private final String mode;
    private String severity = "SEV4";
    private String escalateTo = "";
    private String safeToRetry = "no";

    public Disposition(String mode) {
        this.mode = mode;
    }

    public String getMode() {
        return mode;
    }

    public String getSeverity() {
        return severity;
    }

    public String getEscalateTo() {
        return escalateTo;
    }

    public String getSafeToRetry() {
        return safeToRetry;
    }

    /** Sets the taxonomy defaults for the mode. */
    public void apply(String severity, String escalateTo, String safeToRetry) {
        this.severity = checkSeverity(severity).name();
        this.escalateTo = escalateTo;
        this.safeToRetry = safeToRetry;
    }

    /** Replaces the mode's default re-run advice with what a specific signature implies. */
    public void adviseRetry(String safeToRetry) {
        this.safeToRetry = safeToRetry;
    }

    /** Raises the severity to {@code target} if it is currently lower; never lowers it. */
    public void raiseTo(String target) {
        severity = checkSeverity(target).floorOf(severity);
    }

    private static Severity checkSeverity(String severity) {
        return Severity.fromId(severity).orElseThrow(() ->
                new IllegalArgumentException("unknown severity " + severity + " (known: " + Severity.ids() + ")"));
    }
}
