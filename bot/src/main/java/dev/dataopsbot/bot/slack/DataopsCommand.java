package dev.dataopsbot.bot.slack;

import java.util.Locale;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/** {@code /dataops <subcommand> ...}: answers within Slack's 3 s with an ephemeral reply. */
final class DataopsCommand implements SlashCommandHandler {

    static final String NAME = "/dataops";

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        String text = request.getPayload().getText() == null ? "" : request.getPayload().getText().strip();
        String subcommand = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return context.ack(HelpMessage.text(subcommand.equals("help") ? null : subcommand));
    }
}
