package dev.dataopsbot.bot.slack;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.slack.message.IncidentCard;
import dev.dataopsbot.bot.slack.message.SlackMessage;
import dev.dataopsbot.bot.slack.message.TriageMessage;
import dev.dataopsbot.bot.slack.web.ChatPost;
import dev.dataopsbot.bot.slack.web.PostResult;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.MessageRef;
import dev.dataopsbot.knowledge.similar.PastIncidentIndexException;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.summary.PostIncidentSummary;
import dev.dataopsbot.bot.triage.TriageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incident's presence in Slack: its triage message, rendered from what the store holds so that
 * every update shows the current state, and its post-incident summary. The message's location is
 * remembered in the store so commands and repeats can update it in place.
 */
final class IncidentMessages {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentMessages.class);

    private final IncidentKnowledge knowledge;
    private final SlackWebApi web;
    private final TriageMessage renderer;
    private final SecurityEscalation escalation;

    IncidentMessages(IncidentKnowledge knowledge, SlackWebApi web, TriageMessage renderer, SecurityEscalation escalation) {
        this.knowledge = knowledge;
        this.web = web;
        this.renderer = renderer;
        this.escalation = escalation;
    }

    /**
     * The triage message of {@code key} as it should look now, with {@code notices} (e.g. input
     * was cut) and, when Security is paged for it, a line saying so.
     */
    SlackMessage render(IncidentKey key, List<String> notices) {
        IncidentHistory history = knowledge.store().history(key);
        List<String> all = new java.util.ArrayList<>(notices);
        escalation.notice(history.incident()).ifPresent(all::add);
        return renderer.render(IncidentCard.from(history, similar(history)).withNotices(all));
    }

    /**
     * Posts the triage message of {@code key} to {@code channel} (in {@code threadTs}'s thread when
     * not null) and remembers it; the message starts the incident's thread when it is top-level.
     */
    CompletableFuture<Optional<MessageRef>> post(IncidentKey key, List<String> notices, String channel, String threadTs) {
        return post(key, notices, message -> ChatPost.of(channel, threadTs, message.text(), message.blocks(), key.toString()))
                .thenApply(PostResult::where);
    }

    /**
     * Posts the triage message of {@code key} as {@code addressed} makes it (where, and with
     * which tag) and remembers where it landed.
     */
    CompletableFuture<PostResult> post(IncidentKey key, List<String> notices, Function<SlackMessage, ChatPost> addressed) {
        ChatPost post = addressed.apply(render(key, notices));
        return web.post(post).thenApply(result -> {
            result.where().ifPresent(at -> remember(key, at, post.threadTs() == null ? at.ts() : post.threadTs()));
            return result;
        });
    }

    /** Re-renders the message at {@code at} (from a button press or modal); remembers it as the incident's message. */
    void refresh(IncidentKey key, MessageRef at) {
        SlackMessage message = render(key, List.of());
        web.update(at, message.text(), message.blocks(), key.toString()).thenAccept(updated -> {
            if (updated) {
                remember(key, at, null);
            }
        });
    }

    /** A message that landed but cannot be remembered still landed: the failure is logged, not thrown. */
    private void remember(IncidentKey key, MessageRef at, String threadTs) {
        try {
            knowledge.triageMessages().remember(key, at, threadTs);
        } catch (RuntimeException e) {
            LOG.error("{}: posted at {} {} but could not remember it: {}", key, at.channel(), at.ts(), e.getMessage());
        }
    }

    /** Re-renders the incident's remembered triage message, if it has one. */
    void refresh(IncidentKey key) {
        knowledge.triageMessages().find(key).ifPresent(at -> {
            SlackMessage message = render(key, List.of());
            web.update(at, message.text(), message.blocks(), key.toString());
        });
    }

    /**
     * Generates the post-incident summary and uploads it as {@code INC-n-summary.md} into the
     * incident's thread, or into {@code fallbackChannel} when the incident has no Slack thread.
     *
     * @return where it was posted, or empty when Slack refused the upload (already logged)
     */
    CompletableFuture<Optional<String>> postSummary(IncidentKey key, String fallbackChannel, String actor) {
        IncidentHistory history = knowledge.store().history(key);
        String markdown = new PostIncidentSummary().render(history, similar(history));
        String channel = history.incident().channel() != null ? history.incident().channel() : fallbackChannel;
        String thread = history.incident().channel() != null ? history.incident().threadTs() : null;
        String comment = "Post-incident summary of " + key + " (" + history.incident().status().id() + "), generated by <@"
                + actor + ">";
        return web.upload(channel, thread, key + "-summary.md", key + " post-incident summary", markdown, comment,
                key.toString()).thenApply(shared -> {
                    if (!shared) {
                        return Optional.empty();
                    }
                    String where = "uploaded to Slack channel " + channel + (thread == null ? "" : " thread " + thread);
                    try {
                        knowledge.lifecycle().summaryGenerated(key, where, actor);
                    } catch (RuntimeException e) {
                        LOG.error("{}: summary {} but not recorded on the timeline: {}", key, where, e.getMessage());
                    }
                    return Optional.of(where);
                });
    }

    private List<SimilarIncident> similar(IncidentHistory history) {
        try {
            return knowledge.similarTo(history, TriageService.SIMILAR_INCIDENT_LIMIT);
        } catch (PastIncidentIndexException e) {
            LOG.warn("similar incidents of {} left out: {}", history.incident().key(), e.getMessage());
            return List.of();
        }
    }
}
