package dev.dataopsbot.bot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.bot.slack.message.ModalContext;
import dev.dataopsbot.bot.slack.message.TriageModal;
import dev.dataopsbot.bot.slack.web.SlackWebApi;

/**
 * {@code /dataops triage <text>}: acknowledged at once, triaged after the ack, the result posted
 * to the channel. Without text it opens a modal with a large box for long logs.
 */
final class TriageSubcommand implements Subcommand {

    private final AfterAck afterAck;
    private final ChannelTriage triage;
    private final SlackWebApi web;

    TriageSubcommand(AfterAck afterAck, ChannelTriage triage, SlackWebApi web) {
        this.afterAck = afterAck;
        this.triage = triage;
        this.web = web;
    }

    @Override
    public Response handle(SlashInvocation invocation, SlashCommandContext context) {
        String about = "triage from " + invocation.user() + " in " + invocation.channel();
        Runnable work;
        String accepted;
        if (invocation.args().isEmpty()) {
            work = () -> web.openView(invocation.triggerId(), TriageModal.view(invocation.channel()), "triage modal");
            accepted = null;
        } else {
            work = () -> triage.run(invocation.args(), invocation.channel(), invocation.responseUrl());
            accepted = ":mag: Triaging… the result will be posted in this channel.";
        }
        return afterAck.slash(invocation, context, about, work, accepted);
    }
}
