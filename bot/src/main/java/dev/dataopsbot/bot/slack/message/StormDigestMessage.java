package dev.dataopsbot.bot.slack.message;

import java.util.List;

import dev.dataopsbot.knowledge.incident.Incident;

/**
 * The alert-storm digest: the incidents recorded in a channel without a triage message of their
 * own, the first {@link #LISTED} by key, mode, severity and title, as plain mrkdwn text.
 */
public final class StormDigestMessage {

    static final int LISTED = 20;
    static final int TITLE_CHARS = 80;

    public String render(List<Incident> folded) {
        StringBuilder text = new StringBuilder(":rotating_light: *Alert storm*: ").append(folded.size())
                .append(folded.size() == 1 ? " more incident was" : " more incidents were")
                .append(" recorded here without a triage message each (Slack takes about one message a second per channel):");
        folded.stream().limit(LISTED).forEach(incident -> text.append("\n• *").append(incident.key()).append("* ")
                .append(incident.failureMode()).append(" · ").append(incident.severity()).append(" · ")
                .append(BlockText.safe(incident.title(), TITLE_CHARS)));
        if (folded.size() > LISTED) {
            text.append("\n… and ").append(folded.size() - LISTED).append(" more.");
        }
        return text.append("\n`/dataops incidents` lists the open ones; `/dataops summary INC-n` works on each.").toString();
    }
}
