package dev.dataopsbot.knowledge.incident;

/**
 * What recording an alert did.
 *
 * @param outcome    a new incident, a repeat of an open one, or a recently resolved one reopened
 * @param alertCount alerts on the incident so far, this one included
 * @param linkedTo   for a new incident, the earlier resolved incident with the same fingerprint; else null
 */
public record Recorded(IncidentKey key, Outcome outcome, int alertCount, IncidentKey linkedTo) {

    public enum Outcome {
        NEW, REPEATED, REOPENED
    }

    public boolean isNew() {
        return outcome == Outcome.NEW;
    }
}
