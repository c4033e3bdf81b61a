package dev.dataopsbot.rules;

import java.util.List;
import java.util.Map;

/**
 * The classifier's answer for one alert.
 *
 * @param failureMode  the primary mode (root cause), a taxonomy id
 * @param confidence   0..1
 * @param secondary    other modes with evidence, strongest first
 * @param evidence     the lines that support the primary mode first, then the others
 * @param severity     SEV1..SEV4
 * @param escalateTo   who to tell, empty for unknown
 * @param safeToRetry  {@code yes}, {@code no} or {@code after_fix}; {@code no} when nothing failed
 * @param safeToRetryReason why, a short phrase ("repeated failed logins can lock the account");
 *                     {@link Disposition#NOTHING_FAILED} when the text is no failure
 * @param entities     dag_id, task_id, run_id, model, test, table, host, error_code, exit_code,
 *                     namespace, pod, topic, consumer_group, system, orchestrator when found, in that order
 * @param precedence   the precedence decisions that shaped the answer, for explanation
 * @param demoted      modes that precedence ruled out as symptoms, or as no failure at all (a
 *                     recovery or success notice demotes every mode it saw)
 * @param notAFailure  true when the text says it is not a failure (recovered, resolved, succeeded)
 */
public record Verdict(
        String failureMode,
        double confidence,
        List<String> secondary,
        List<Evidence> evidence,
        String severity,
        String escalateTo,
        String safeToRetry,
        String safeToRetryReason,
        Map<String, String> entities,
        List<String> precedence,
        java.util.Set<String> demoted,
        boolean notAFailure) {

    public Verdict {
        secondary = List.copyOf(secondary);
        evidence = List.copyOf(evidence);
        entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
        precedence = List.copyOf(precedence);
        demoted = java.util.Set.copyOf(demoted);
    }

    /** The same verdict with another confidence (a second opinion agreed). */
    public Verdict withConfidence(double newConfidence) {
        return new Verdict(failureMode, newConfidence, secondary, evidence, severity, escalateTo, safeToRetry,
                safeToRetryReason, entities, precedence, demoted, notAFailure);
    }

    /**
     * The evidence once per line, in the order of {@link #evidence()}: each line with every rule
     * that fired on it, the strongest first.
     */
    public List<EvidenceLine> evidenceLines() {
        return EvidenceLine.group(evidence);
    }

    /** The same verdict with the severity and escalation a routing file decided. */
    public Verdict routed(String newSeverity, String newEscalateTo) {
        return new Verdict(failureMode, confidence, secondary, evidence, newSeverity, newEscalateTo, safeToRetry,
                safeToRetryReason, entities, precedence, demoted, notAFailure);
    }

    /**
     * The same verdict for a text found to report no failure (a success or recovery notice the
     * caller recognised): re-running is not applicable. Kept as it is for {@code pii_exposure}: a
     * run that succeeded while it leaked personal data is still an exposure.
     */
    public Verdict asNotAFailure() {
        if (failureMode.equals(FailureMode.PII_EXPOSURE.id())) {
            return this;
        }
        return new Verdict(failureMode, confidence, secondary, evidence, severity, escalateTo, "no",
                Disposition.NOTHING_FAILED, entities, precedence, demoted, true);
    }

    /**
     * What decided the primary mode: the rule of its strongest evidence line. On equal weight a DRL
     * rule is named before a catalogue entry ({@code catalogue http-status: 429}), which then only
     * corroborates the rule written for that signature. Empty for {@code unknown} or when no
     * evidence names the mode.
     */
    public java.util.Optional<String> decidingRule() {
        if (failureMode.equals(FailureMode.UNKNOWN.id())) {
            return java.util.Optional.empty();
        }
        return evidence.stream().filter(e -> e.getFailureMode().equals(failureMode))
                .min(java.util.Comparator.comparingDouble(Evidence::getWeight).reversed()
                        .thenComparing(e -> e.getRule().startsWith(CodeMatch.RULE_PREFIX)))
                .map(Evidence::getRule);
    }

    /** Evidence lines for the primary mode only. */
    public List<Evidence> primaryEvidence() {
        return evidence.stream().filter(e -> e.getFailureMode().equals(failureMode)).toList();
    }
}
