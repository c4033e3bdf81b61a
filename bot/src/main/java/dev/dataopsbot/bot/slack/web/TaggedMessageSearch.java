package dev.dataopsbot.bot.slack.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;
import dev.dataopsbot.knowledge.incident.MessageRef;

/**
 * Finds a message the bot posted by its {@link ReplyTag}: {@code conversations.replies} for a
 * thread, {@code conversations.history} for a channel, both with {@code include_all_metadata},
 * from a minute before the first attempt on (at most {@value #PAGES} pages of {@value #PAGE}).
 * Needs the {@code channels:history} and {@code groups:history} scopes.
 */
final class TaggedMessageSearch {

    static final int PAGE = 200;
    static final int PAGES = 5;
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    /** Answers that mean the message cannot be there, or cannot be looked for: post (a reply beats none). */
    private static final Set<String> ABSENT = Set.of("thread_not_found", "missing_scope", "not_in_channel",
            "channel_not_found", "not_allowed_token_type");

    /** Found, known absent, or the search itself failed (Slack still unavailable). */
    record Lookup(Optional<MessageRef> found, String failure) {

        static Lookup of(MessageRef at) {
            return new Lookup(Optional.of(at), null);
        }

        static Lookup absent() {
            return new Lookup(Optional.empty(), null);
        }

        static Lookup failed(String reason) {
            return new Lookup(Optional.empty(), reason);
        }

        boolean failed() {
            return failure != null;
        }
    }

    private final MethodsClient methods;

    TaggedMessageSearch(MethodsClient methods) {
        this.methods = methods;
    }

    Lookup find(String channel, String threadTs, ReplyTag tag, Instant since) {
        String oldest = Instant.EPOCH.equals(since) ? null : since.minus(CLOCK_SLACK).getEpochSecond() + ".000000";
        String cursor = null;
        try {
            for (int page = 0; page < PAGES; page++) {
                String next = cursor;
                SlackApiTextResponse response = threadTs == null
                        ? methods.conversationsHistory(r -> r.channel(channel).oldest(oldest).includeAllMetadata(true)
                                .limit(PAGE).cursor(next))
                        : methods.conversationsReplies(r -> r.channel(channel).ts(threadTs).oldest(oldest)
                                .includeAllMetadata(true).limit(PAGE).cursor(next));
                if (!response.isOk()) {
                    return ABSENT.contains(response.getError()) ? Lookup.absent() : Lookup.failed(response.getError());
                }
                List<Message> messages = response instanceof ConversationsHistoryResponse history ? history.getMessages()
                        : ((ConversationsRepliesResponse) response).getMessages();
                ResponseMetadata paging = response instanceof ConversationsHistoryResponse history
                        ? history.getResponseMetadata() : ((ConversationsRepliesResponse) response).getResponseMetadata();
                for (Message message : messages == null ? List.<Message>of() : messages) {
                    if (tag.isSettledBy(message.getMetadata())) {
                        return Lookup.of(new MessageRef(channel, message.getTs()));
                    }
                }
                cursor = paging == null ? null : paging.getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return Lookup.absent();
                }
            }
            return Lookup.absent();
        } catch (SlackApiException e) {
            return Lookup.failed("HTTP " + e.getResponse().code());
        } catch (IOException e) {
            return Lookup.failed(e.getClass().getSimpleName());
        }
    }
}
