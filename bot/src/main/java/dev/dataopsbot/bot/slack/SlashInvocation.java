package dev.dataopsbot.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/**
 * One {@code /dataops} command as a subcommand sees it.
 *
 * @param args the text after the subcommand word, stripped
 */
record SlashInvocation(String user, String channel, String responseUrl, String triggerId, String args) {

    static SlashInvocation of(SlashCommandPayload payload, String args) {
        return new SlashInvocation(payload.getUserId(), payload.getChannelId(), payload.getResponseUrl(),
                payload.getTriggerId(), args);
    }

    /** The first word of the arguments, or "" */
    String firstWord() {
        return args.isEmpty() ? "" : args.split("\\s+", 2)[0];
    }

    /** The arguments after the first word, stripped, or "" */
    String afterFirstWord() {
        String[] parts = args.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }
}
