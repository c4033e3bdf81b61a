package dev.dataopsbot.rules;

import dev.dataopsbot.rules.text.AlertText;

/** One classifier per test JVM: building the KieBase is the expensive part. */
final class Classifiers {

    private static FailureModeClassifier shared;
    private static final AlertText ALERT_TEXT = new AlertText();

    private Classifiers() {
    }

    static synchronized FailureModeClassifier bundled() {
        if (shared == null) {
            shared = new FailureModeClassifier(RuleBase.bundled());
        }
        return shared;
    }

    static Verdict classify(String rawText) {
        return bundled().classify(Alert.of("test", ALERT_TEXT.prepare(rawText).text()));
    }
}
