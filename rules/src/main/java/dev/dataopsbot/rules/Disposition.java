package dev.dataopsbot.rules;

import java.util.List;

/**
 * What to do about the chosen failure mode: severity, escalation and whether a re-run is safe,
 * with the reason for that advice. Inserted once the primary mode is known; the rules of
 * {@code taxonomy.drl} fill it in from the taxonomy table and adjust it (a Tier 1 dataset raises
 * severity, nothing lowers PII); {@code catalogue.drl} and {@code retry.drl} replace the re-run
 * advice when a specific signature implies its own (a wrong password: re-running locks the account).
 */
public final class Disposition {

    /** The re-run advice values of the triage JSON contract. */
    public static final List<String> RETRY_VALUES = List.of("yes", "no", "after_fix");
    /**
     * The reason given when the text is no failure at all (a recovery, a success notice): the
     * advice stays {@code no}, inside its contract, and the reason says the truth.
     */
    public static final String NOTHING_FAILED = "not applicable: nothing failed";

    private final String mode;
    private String severity = "SEV4";
    private String escalateTo = "";
    private String safeToRetry = "no";
    private String safeToRetryReason = "";

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

    /** Why re-running is or is not safe, a short phrase for people ("repeated failed logins can lock the account"). */
    public String getSafeToRetryReason() {
        return safeToRetryReason;
    }

    /** Sets the taxonomy defaults for the mode, the re-run advice with its reason. */
    public void apply(String severity, String escalateTo, String safeToRetry, String reason) {
        this.severity = checkSeverity(severity).name();
        this.escalateTo = escalateTo;
        adviseRetry(safeToRetry, reason);
    }

    /** Replaces the mode's default re-run advice, and its reason, with what a specific signature implies. */
    public void adviseRetry(String safeToRetry, String reason) {
        this.safeToRetry = checkRetry(safeToRetry);
        this.safeToRetryReason = reason == null ? "" : reason.strip();
    }

    /**
     * Replaces the re-run advice without saying why. Kept for rule files written before reasons
     * existed; the reason then says only that a rule decided.
     */
    public void adviseRetry(String safeToRetry) {
        adviseRetry(safeToRetry, "advice of a rule that gives no reason");
    }

    /** Raises the severity to {@code target} if it is currently lower; never lowers it. */
    public void raiseTo(String target) {
        severity = checkSeverity(target).floorOf(severity);
    }

    private static String checkRetry(String safeToRetry) {
        if (!RETRY_VALUES.contains(safeToRetry)) {
            throw new IllegalArgumentException("unknown re-run advice " + safeToRetry + " (known: " + RETRY_VALUES + ")");
        }
        return safeToRetry;
    }

    private static Severity checkSeverity(String severity) {
        return Severity.fromId(severity).orElseThrow(() ->
                new IllegalArgumentException("unknown severity " + severity + " (known: " + Severity.ids() + ")"));
    }
}
