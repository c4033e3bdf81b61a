package dev.dataopsbot.bot.slack;

import java.util.Locale;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;

/**
 * What people write in an incident's thread goes on its timeline with the writer as actor: a
 * status update, or an action item when the reply starts with {@code action:}, or an impact note
 * when it starts with {@code impact:}. The lifecycle redacts the text before storing it.
 */
final class ThreadReplies {

    private final IncidentLifecycle lifecycle;

    ThreadReplies(IncidentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void record(IncidentKey incident, String user, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("action:")) {
            lifecycle.actionItem(incident, body.substring("action:".length()).strip(), null, user);
        } else if (lower.startsWith("impact:")) {
            lifecycle.note(incident, body.substring("impact:".length()).strip(), true, user);
        } else {
            lifecycle.statusUpdate(incident, body, null, user);
        }
    }
}
