package dev.dataopsbot.bot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * {@code /dataops summary INC-n}: generates the post-incident summary and posts it as a markdown
 * file into the incident's thread (or this channel when it has none).
 */
final class SummarySubcommand implements Subcommand {

    private final AfterAck afterAck;
    private final IncidentMessages messages;

    SummarySubcommand(AfterAck afterAck, IncidentMessages messages) {
        this.afterAck = afterAck;
        this.messages = messages;
    }

    @Override
    public Response handle(SlashInvocation invocation, SlashCommandContext context) {
        IncidentKey key;
        try {
            key = IncidentKey.parse(invocation.firstWord());
        } catch (IllegalArgumentException e) {
            return context.ack("Which incident? Usage: `/dataops summary INC-12`");
        }
        String about = "summary of " + key;
        return afterAck.slash(invocation, context, about, () -> {
            messages.postSummary(key, invocation.channel(), invocation.user()).thenAccept(where -> afterAck.reply(invocation,
                    where.isPresent() ? "Posted the summary of " + key + "."
                            : "Slack did not accept the summary file of " + key + "; the reason is in dataops-bot's log.", about));
        }, null);
    }
}
