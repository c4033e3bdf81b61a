package dev.dataopsbot.bot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** One {@code /dataops} subcommand: answers Slack's request at once, does its work after the ack. */
interface Subcommand {

    Response handle(SlashInvocation invocation, SlashCommandContext context);
}
