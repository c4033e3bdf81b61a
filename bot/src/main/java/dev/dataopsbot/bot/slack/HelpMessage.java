package dev.dataopsbot.bot.slack;

/** The text of {@code /dataops help}, also the answer to a subcommand the bot does not know. */
final class HelpMessage {

    private HelpMessage() {
    }

    static String text(String unknown) {
        String intro = unknown == null ? "" : "I don't know " + TypedWord.quoted(unknown, "`", "`") + ". ";
        return intro + """
                *dataops-bot* triages data-pipeline alerts and keeps the incident record.
                • `/dataops triage <alert or log excerpt>`: classify it, suggest runbooks, open or update the incident \
                (just `/dataops triage` opens a box for long logs)
                • `/dataops incidents`: open incidents
                • `/dataops ack INC-12`: acknowledge
                • `/dataops sev INC-12 SEV1 [why]`: change the severity
                • `/dataops note INC-12 <text>`: add a note to the timeline
                • `/dataops action INC-12 [@owner] <text>`: add an action item
                • `/dataops mitigate INC-12 [text]`: impact stopped, fix pending
                • `/dataops resolve INC-12 <what fixed it>`: resolve
                • `/dataops summary INC-12`: post the post-incident summary in the incident's thread
                • `/dataops report [7d|30d]`: MTTA/MTTR and the noisiest alerts
                • `/dataops help`: this message""";
    }
}
