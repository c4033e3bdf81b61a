package dev.dataopsbot.bot.slack;

import java.util.List;
import java.util.function.Consumer;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.LifecycleException;
import dev.dataopsbot.knowledge.incident.StoreBusyException;
import dev.dataopsbot.knowledge.incident.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a handler does after acknowledging Slack, on the {@link BackgroundWork} executor, with its
 * failures told to the user in one line: a refused lifecycle change or an unknown incident as is,
 * a database problem as such, anything else as "see the bot's log" (the stack trace goes there).
 */
final class AfterAck {

    static final String BUSY = ":hourglass_flowing_sand: dataops-bot is busy; your request is queued and will run shortly.";
    static final String GAVE_UP = "dataops-bot stayed busy for 30 s, so your request was not run and nothing was changed. "
            + "Please try again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

    private final BackgroundWork work;
    private final SlackWebApi web;

    AfterAck(BackgroundWork work, SlackWebApi web) {
        this.work = work;
        this.web = web;
    }

    /**
     * Runs a slash command's {@code task} after the ack; failures go to the user through the
     * command's response_url, ephemeral. Returns the ack: {@code accepted} (empty when null) or
     * the busy notice.
     */
    Response slash(SlashInvocation invocation, SlashCommandContext context, String about, Runnable task, String accepted) {
        String ack = run(about, text -> reply(invocation, text, about), task, accepted);
        return ack == null ? context.ack() : context.ack(ack);
    }

    /** An ephemeral answer to a slash command, through its response_url. */
    void reply(SlashInvocation invocation, String text, String about) {
        reply(invocation, text, null, about);
    }

    /** An ephemeral answer with blocks ({@code text} is the notification fallback). */
    void reply(SlashInvocation invocation, String text, List<LayoutBlock> blocks, String about) {
        web.respond(invocation.responseUrl(), text, blocks, false, about);
    }

    /**
     * Runs {@code task} after the ack.
     *
     * @param about    what it is for, for the log (an incident key, a subcommand; never user text)
     * @param tell     sends a one-line message to the user (ephemeral)
     * @param accepted what the ack says when a worker takes the task; null for nothing
     * @return the ack text: {@code accepted}, or {@link #BUSY} when the task waits for a worker
     */
    String run(String about, Consumer<String> tell, Runnable task, String accepted) {
        BackgroundWork.Admission admission = work.submit(about, () -> {
            try {
                task.run();
            } catch (LifecycleException e) {
                tell.accept(e.getMessage());
            } catch (StoreException e) {
                LOG.error("{}: {}", about, e.getMessage());
                tell.accept(e instanceof StoreBusyException
                        ? "The incident database is busy right now; nothing was changed. Please try again in a minute."
                        : "The incident database is not available right now; nothing was changed. The details are in "
                                + "dataops-bot's log.");
            } catch (RuntimeException e) {
                LOG.error("{} failed", about, e);
                tell.accept("Something went wrong with " + about + "; the details are in dataops-bot's log.");
            }
        }, () -> tell.accept(GAVE_UP));
        return admission == BackgroundWork.Admission.ACCEPTED ? accepted : BUSY;
    }
}
