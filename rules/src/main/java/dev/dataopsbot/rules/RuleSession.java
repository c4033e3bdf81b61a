package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.runtime.KieSession;

/**
 * The rules' session on one alert, its evidence and precedence rules fired (see
 * {@link FailureModeClassifier#open}). Not thread-safe; close it when done.
 */
public final class RuleSession implements AutoCloseable {

    private final FailureModeClassifier classifier;
    private final KieSession session;
    private final Alert alert;
    private final List<LogLine> lines;
    private final FiredRules fired;
    private Verdict verdict;

    RuleSession(FailureModeClassifier classifier, KieSession session, Alert alert, List<LogLine> lines, FiredRules fired) {
        this.fired = fired;
        this.classifier = classifier;
        this.session = session;
        this.alert = alert;
        this.lines = lines;
    }

    /** What the rules say: mode, confidence, evidence, severity, escalation, re-run advice, entities. */
    public Verdict verdict() {
        if (verdict == null) {
            verdict = classifier.verdictOf(session, alert, lines);
        }
        return verdict;
    }

    /**
     * The same alert decided as {@code mode} by someone else (the nearest cases): severity,
     * escalation and re-run advice for that mode from the same rules, on the same lines (so a
     * Tier 1 dataset still raises severity and a catalogued code of that mode still sets the
     * re-run advice), the rules' evidence kept as it was, and the rules' own answer, when it was a
     * mode, as a secondary one.
     */
    public Verdict decidedAs(String mode, double confidence) {
        Verdict rules = verdict();
        Disposition disposition = FailureModeClassifier.disposition(session, mode);
        List<String> secondary = new ArrayList<>();
        if (!rules.failureMode().equals(FailureMode.UNKNOWN.id()) && !rules.failureMode().equals(mode)) {
            secondary.add(rules.failureMode());
        }
        rules.secondary().stream().filter(m -> !m.equals(mode) && !secondary.contains(m)).forEach(secondary::add);
        if (rules.notAFailure() && mode.equals(FailureMode.UNKNOWN.id())) {
            disposition.adviseRetry("no", Disposition.NOTHING_FAILED);
        }
        return new Verdict(mode, confidence, secondary, rules.evidence(), disposition.getSeverity(),
                disposition.getEscalateTo(), disposition.getSafeToRetry(), disposition.getSafeToRetryReason(),
                rules.entities(), rules.precedence(), rules.demoted(), rules.notAFailure());
    }

    /**
     * The DRL rules that fired so far, each once: evidence and precedence rules, and the taxonomy
     * and re-run rules of every verdict asked for. Catalogue entries show as the one catalogue rule
     * that turns a code into evidence; the entry itself is the evidence's {@link Evidence#getRule rule}.
     */
    public java.util.Set<String> firedRules() {
        return fired.names();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
