package dev.dataopsbot.bot.slack;

import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;

/**
 * The lifecycle changes people make from Slack, with the Slack user as the actor on the timeline:
 * each returns a one-line confirmation and counts what the metrics count. Refused changes throw
 * {@link dev.dataopsbot.knowledge.incident.LifecycleException} and change nothing.
 */
final class IncidentActions {

    private final IncidentLifecycle lifecycle;
    private final BotMetrics metrics;
    private final Runnable casesChanged;

    /** @param casesChanged called after feedback changed the team's cases, to re-teach the triage */
    IncidentActions(IncidentLifecycle lifecycle, BotMetrics metrics, Runnable casesChanged) {
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.casesChanged = casesChanged;
    }

    String acknowledge(IncidentKey key, String user) {
        lifecycle.acknowledge(key, user);
        metrics.incident("acknowledged");
        return key + " acknowledged by <@" + user + ">.";
    }

    String severity(IncidentKey key, String severity, String reason, String user) {
        Incident incident = lifecycle.changeSeverity(key, severity, reason, user);
        return key + " is now " + incident.severity() + ".";
    }

    String note(IncidentKey key, String text, String user) {
        lifecycle.note(key, text, false, user);
        return "Note added to " + key + ".";
    }

    String actionItem(IncidentKey key, String text, String owner, String user) {
        lifecycle.actionItem(key, text, owner, user);
        return "Action item added to " + key + (owner == null ? "." : " for " + owner + ".");
    }

    String mitigate(IncidentKey key, String text, String user) {
        lifecycle.mitigate(key, text, user);
        return key + " marked mitigated.";
    }

    String resolve(IncidentKey key, String resolution, String user) {
        lifecycle.resolve(key, resolution, user);
        metrics.incident("resolved");
        return key + " resolved by <@" + user + ">.";
    }

    String wrongClassification(IncidentKey key, String correctMode, String comment, String user) {
        lifecycle.feedback(key, false, correctMode, comment, user);
        casesChanged.run();
        return "Thanks: " + key + " is recorded as " + correctMode
                + "; alerts nearly identical to it will now be classified as " + correctMode + ".";
    }
}
