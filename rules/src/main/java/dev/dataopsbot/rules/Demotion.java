package dev.dataopsbot.rules;

/**
 * A precedence decision: the evidence for {@code symptom} is explained by {@code rootCause}, so
 * the symptom may only be a secondary mode. Inserted by the rules of {@code precedence.drl}.
 */
public final class Demotion {

    private final String symptom;
    private final String rootCause;
    private final String reason;

    public Demotion(String symptom, String rootCause, String reason) {
        this.symptom = symptom;
        this.rootCause = rootCause;
        this.reason = reason;
    }

    public String getSymptom() {
        return symptom;
    }

    public String getRootCause() {
        return rootCause;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return symptom + " -> " + rootCause + ": " + reason;
    }
}
