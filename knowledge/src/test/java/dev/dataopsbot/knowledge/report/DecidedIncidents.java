package dev.dataopsbot.knowledge.report;

import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;

/**
 * Records incidents decided by named rules, each on its own task so that none repeats another,
 * then the feedback on them, through the real store and lifecycle.
 */
final class DecidedIncidents {

    private final IncidentStore store;
    private final IncidentLifecycle lifecycle;
    private int next;

    DecidedIncidents(IncidentStore store, IncidentLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /**
     * Records {@code right} incidents {@code rule} decided that feedback confirmed, {@code wrong} it
     * corrected and {@code unconfirmed} nobody spoke of; a null rule records incidents with no decider.
     */
    DecidedIncidents decided(String rule, int right, int wrong, int unconfirmed) {
        for (int i = 0; i < right; i++) {
            lifecycle.feedback(record(rule), true, null, null, "ana");
        }
        for (int i = 0; i < wrong; i++) {
            IncidentKey key = record(rule);
            lifecycle.feedback(key, true, null, null, "ana");
            lifecycle.feedback(key, false, "permission_denied", "a revoked grant, not an expired token", "bo");
        }
        for (int i = 0; i < unconfirmed; i++) {
            record(rule);
        }
        return this;
    }

    private IncidentKey record(String rule) {
        next++;
        return store.record(Alerts.expiredToken("rules", "task_" + next, rule, rule == null ? null : "3f2a9c1b0d4e")).key();
    }
}
