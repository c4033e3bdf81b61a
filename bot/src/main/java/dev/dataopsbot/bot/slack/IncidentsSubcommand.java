package dev.dataopsbot.bot.slack;

import java.time.Clock;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.bot.slack.message.IncidentListMessage;
import dev.dataopsbot.bot.slack.message.SlackMessage;
import dev.dataopsbot.knowledge.incident.IncidentStore;

/** {@code /dataops incidents}: the open incidents, newest first, as an ephemeral message. */
final class IncidentsSubcommand implements Subcommand {

    static final int LIMIT = 100;

    private final AfterAck afterAck;
    private final IncidentStore store;
    private final Clock clock;

    IncidentsSubcommand(AfterAck afterAck, IncidentStore store, Clock clock) {
        this.afterAck = afterAck;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Response handle(SlashInvocation invocation, SlashCommandContext context) {
        String about = "incidents";
        return afterAck.slash(invocation, context, about, () -> {
            SlackMessage list = new IncidentListMessage().render(store.list(true, LIMIT), clock.instant());
            afterAck.reply(invocation, list.text(), list.blocks(), about);
        }, null);
    }
}
