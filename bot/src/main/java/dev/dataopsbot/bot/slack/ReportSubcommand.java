package dev.dataopsbot.bot.slack;

import java.time.Clock;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.report.ReportBuilder;
import dev.dataopsbot.knowledge.report.ReportText;
import dev.dataopsbot.knowledge.report.ReportWindow;

/**
 * {@code /dataops report [7d|30d|...]}: the reliability report of the window, ephemeral, as preformatted text.
 * Of its Rules section Slack shows the {@link #RULES_SHOWN} least precise rules that feedback confirmed or
 * corrected, the rules a team should look at first; {@code dataops-bot report} lists them all.
 */
final class ReportSubcommand implements Subcommand {

    /** Slack shows at most about 40,000 characters of a message's text; the report is cut well before. */
    static final int MAX_CHARS = 35_000;
    static final int RULES_SHOWN = 3;

    private final AfterAck afterAck;
    private final IncidentDatabase database;
    private final Clock clock;

    ReportSubcommand(AfterAck afterAck, IncidentDatabase database, Clock clock) {
        this.afterAck = afterAck;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Response handle(SlashInvocation invocation, SlashCommandContext context) {
        ReportWindow window;
        try {
            window = ReportWindow.parse(invocation.firstWord(), clock);
        } catch (IllegalArgumentException e) {
            return context.ack("Usage: `/dataops report [7d|30d]`: " + (TypedWord.quoted(invocation.firstWord(), "", "").equals("that")
                    ? "that is not a window" : e.getMessage().replace("--since ", "")));
        }
        String about = "report " + window.spec();
        return afterAck.slash(invocation, context, about, () -> {
            String report = new ReportText(RULES_SHOWN, true).render(new ReportBuilder(database).build(window));
            if (report.length() > MAX_CHARS) {
                report = report.substring(0, MAX_CHARS) + "\n… (cut: run `dataops-bot report` for the whole report)";
            }
            afterAck.reply(invocation, "```\n" + report.replace("```", "'''") + "\n```", about);
        }, null);
    }
}
