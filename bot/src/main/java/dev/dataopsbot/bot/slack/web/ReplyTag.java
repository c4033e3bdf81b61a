package dev.dataopsbot.bot.slack.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.slack.api.model.Message;

/**
 * What a message the bot posts answers, carried as Slack message metadata (event type
 * {@value #EVENT_TYPE}): the incidents it is about ({@code INC-3}; a storm digest lists every
 * incident it folds, or what a command reply is about) and the deliveries it settles (a stored
 * reply's id such as {@code r12}; a storm digest settles many). Slack has no idempotency key
 * for {@code chat.postMessage}, so after a post whose outcome is unknown the bot finds the
 * message by this tag ({@code conversations.history}/{@code replies} with
 * {@code include_all_metadata}) instead of posting again.
 */
public record ReplyTag(List<String> incidents, List<String> deliveries) {

    public static final String EVENT_TYPE = "dataops_bot_reply";
    static final String INCIDENTS = "incidents";
    static final String DELIVERIES = "deliveries";

    public ReplyTag {
        incidents = List.copyOf(incidents);
        deliveries = List.copyOf(deliveries);
        if (deliveries.isEmpty()) {
            throw new IllegalArgumentException("a reply tag settles at least one delivery");
        }
    }

    /** The tag of stored reply {@code replyId}. */
    public static ReplyTag ofReply(String incident, long replyId) {
        return new ReplyTag(List.of(incident), List.of(delivery(replyId)));
    }

    /** The delivery id of stored reply {@code replyId}. */
    public static String delivery(long replyId) {
        return "r" + replyId;
    }

    /** A tag for a message that nothing stored owes (a reply to a command), unique to this post. */
    public static ReplyTag once(String about) {
        return new ReplyTag(List.of(about), List.of("m" + UUID.randomUUID()));
    }

    /** What the log calls the post: its incident, or how many a digest settles. */
    String about() {
        return incidents.size() == 1 ? incidents.get(0) : "storm digest of " + incidents.size() + " incidents";
    }

    Message.Metadata metadata() {
        return new Message.Metadata(EVENT_TYPE, Map.of(INCIDENTS, String.join(",", incidents), DELIVERIES, String.join(",", deliveries)));
    }

    /** Whether {@code metadata} (of a message in Slack) is a tag that settles any of this tag's deliveries. */
    boolean isSettledBy(Message.Metadata metadata) {
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return false;
        }
        Object settled = metadata.getEventPayload().get(DELIVERIES);
        if (settled == null) {
            return false;
        }
        List<String> ids = Arrays.asList(settled.toString().split(","));
        return deliveries.stream().anyMatch(ids::contains);
    }
}
