package dev.dataopsbot.bot.slack;

import dev.dataopsbot.bot.incident.TriageRecorder;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.slack.message.SlackMessage;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.Recorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage of text someone gave the bot in a channel (slash command or modal): classify, record the
 * incident, post the triage message to the channel, page Security for a new PII or SEV1 incident.
 * The raw text goes to the triage service only; the store and Slack see the redacted triage.
 */
final class ChannelTriage {

    static final String SOURCE = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelTriage.class);

    private final TriageService triage;
    private final TriageRecorder recorder;
    private final IncidentMessages messages;
    private final SlackWebApi web;
    private final BotMetrics metrics;
    private final SecurityEscalation escalation;
    private final IncidentStore store;

    ChannelTriage(TriageService triage, TriageRecorder recorder, IncidentMessages messages, SlackWebApi web, BotMetrics metrics,
                  SecurityEscalation escalation, IncidentStore store) {
        this.triage = triage;
        this.recorder = recorder;
        this.messages = messages;
        this.web = web;
        this.metrics = metrics;
        this.escalation = escalation;
        this.store = store;
    }

    /**
     * @param responseUrl where to answer when the bot cannot post in the channel (not invited); may be null
     */
    void run(String text, String channel, String responseUrl) {
        long start = System.nanoTime();
        Triage result = recorder.record(triage.triage(SOURCE, text), SOURCE, channel, null);
        Recorded recorded = result.incident();
        metrics.triaged(result.verdict().failureMode(), java.time.Duration.ofNanos(System.nanoTime() - start));
        if (recorded == null) {
            notRecorded(result, channel, responseUrl);
            return;
        }
        if (recorded.isNew()) {
            metrics.incident("opened");
        }
        messages.post(recorded.key(), result.warnings(), channel, null).thenCompose(posted -> {
            if (posted.isEmpty() && responseUrl != null) {
                answerInstead(recorded, result, responseUrl);
            }
            return recorded.isNew() ? escalation.page(store.require(recorded.key()), posted)
                    : java.util.concurrent.CompletableFuture.completedFuture(true);
        }).exceptionally(e -> {
            LOG.error("{}: triage message not posted: {}", recorded.key(), e.getMessage());
            return null;
        });
    }

    /** Nothing was recorded (a success notice, binary input): say so to the person who asked, only to them. */
    private void notRecorded(Triage result, String channel, String responseUrl) {
        String text = "Nothing recorded: " + result.notRecorded() + ".";
        if (responseUrl != null) {
            web.respond(responseUrl, text, java.util.List.of(), false, "triage");
        } else {
            web.post(channel, null, text, java.util.List.of(), "triage");
        }
    }

    /** The triage through the command's response_url, for a channel the bot cannot post in. */
    private void answerInstead(Recorded recorded, Triage result, String responseUrl) {
        SlackMessage message = messages.render(recorded.key(), result.warnings());
        web.respond(responseUrl, message.text(), message.blocks(), true, recorded.key().toString());
        web.respond(responseUrl, "I could not post in this channel, so this triage cannot be updated in place. "
                + "Invite me with `/invite @dataops-bot` to get live status.", null, false, recorded.key().toString());
    }
}
