package dev.dataopsbot.bot.slack;

import java.util.Locale;
import java.util.Map;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /dataops <subcommand> ...}: routes to the subcommand; no text, {@code help} and words it
 * does not know get the help text (ephemeral), never an error.
 */
final class DataopsCommand implements SlashCommandHandler {

    static final String NAME = "/dataops";

    private final Map<String, Subcommand> subcommands;

    DataopsCommand(Map<String, Subcommand> subcommands) {
        this.subcommands = Map.copyOf(subcommands);
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        String text = request.getPayload().getText() == null ? "" : request.getPayload().getText().strip();
        String[] parts = text.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        Subcommand subcommand = subcommands.get(word);
        if (subcommand == null) {
            return context.ack(HelpMessage.text(word.isEmpty() || word.equals("help") ? null : parts[0]));
        }
        return subcommand.handle(SlashInvocation.of(request.getPayload(), parts.length < 2 ? "" : parts[1].strip()), context);
    }
}
