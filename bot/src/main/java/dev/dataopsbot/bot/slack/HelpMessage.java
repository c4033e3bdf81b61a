package dev.dataopsbot.bot.slack;

/** The text of {@code /dataops help}, also the answer to a subcommand the bot does not know. */
final class HelpMessage {

    private HelpMessage() {
    }

    static String text(String unknown) {
        String intro = unknown == null ? "" : "I don't know `" + unknown + "`. ";
        return intro + """
                *dataops-bot* triages data-pipeline alerts. Commands:
                • `/dataops help`: this message
                Triage, incidents and summaries in Slack are coming; until then use the command line \
                (`dataops-bot triage`, `incidents`, `incident ack INC-n`, `summary INC-n`, `report`).""";
    }
}
