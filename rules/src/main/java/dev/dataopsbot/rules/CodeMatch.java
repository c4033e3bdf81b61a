package dev.dataopsbot.rules;

import java.util.Objects;

/**
 * A fact: a line of the alert carries a code (SQLSTATE, exception class, vendor error code) that
 * an error-code catalogue maps to a failure mode. Inserted before the rules fire; the rules of
 * {@code catalogue.drl} turn it into evidence and let it shape the re-run advice.
 *
 * @param catalogue the catalogue's name ({@code postgresql-sqlstate})
 * @param code      the code as written in the catalogue ({@code 57014}, {@code 08*})
 * @param found     the text of the line that carried it, as found ({@code SocketTimeoutException})
 * @param retry     {@code yes}, {@code no}, {@code after_fix}, or {@code -} for the mode's default
 * @param retryReason the catalogue's reason for {@code retry}, empty when the entry gives none
 */
public record CodeMatch(String catalogue, String code, String found, String mode, double weight, String retry,
                        String meaning, String retryReason, int line, String text) {

    /** How the rule name of every catalogue entry's evidence starts: {@code catalogue http-status: 429}. */
    public static final String RULE_PREFIX = "catalogue ";

    public CodeMatch {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retry, "retry");
        retryReason = retryReason == null ? "" : retryReason;
    }

    /** The name evidence carries: which catalogue entry decided, stable across alerts. */
    public String getRule() {
        return RULE_PREFIX + catalogue + ": " + code;
    }

    public String getMode() {
        return mode;
    }

    public double getWeight() {
        return weight;
    }

    public String getRetry() {
        return retry;
    }

    public int getLine() {
        return line;
    }

    public String getText() {
        return text;
    }

    public boolean isInformative() {
        return !mode.equals(FailureMode.UNKNOWN.id());
    }

    public boolean overridesRetry() {
        return !retry.equals("-");
    }

    /**
     * The reason to give beside this code's advice on {@code current}: the catalogue's own; else,
     * when the code only repeats the advice already there, the reason already there; else the
     * code and its meaning, so that no advice is left without a reason.
     */
    public String retryReasonBeside(Disposition current) {
        if (!retryReason.isBlank()) {
            return retryReason;
        }
        if (retry.equals(current.getSafeToRetry()) && !current.getSafeToRetryReason().isBlank()) {
            return current.getSafeToRetryReason();
        }
        return "what the catalogue " + catalogue + " says of " + code + ": " + meaning;
    }
}
