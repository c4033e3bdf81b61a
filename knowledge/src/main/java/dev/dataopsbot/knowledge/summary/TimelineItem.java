package dev.dataopsbot.knowledge.summary;

import dev.dataopsbot.knowledge.incident.TimelineEvent;

/** A timeline event as a list item: {@code 2026-11-25 03:30:10 UTC, U2: text}, all of the text kept. */
final class TimelineItem {

    /** Continuation lines of a {@code "- "} item. */
    static final String INDENT = "  ";

    private TimelineItem() {
    }

    static String of(TimelineEvent event) {
        return of(TimeFormat.utc(event.at()) + ", " + MarkdownText.inline(event.actor()), event.text());
    }

    /** {@code lead: text}, or the lead alone when there is no text. */
    static String of(String lead, String text) {
        String body = MarkdownText.block(text, INDENT);
        return body.isEmpty() ? lead : lead + ": " + body;
    }
}
