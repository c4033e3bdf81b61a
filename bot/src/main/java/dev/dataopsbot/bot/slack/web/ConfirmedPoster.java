package dev.dataopsbot.bot.slack.web;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.knowledge.incident.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chat.postMessage} without duplicates. A post carries its {@link ReplyTag} as message
 * metadata. An answer of 429 (or {@code ratelimited}) means Slack took nothing: wait for
 * {@code Retry-After} and try again. A 5xx, a timeout or a dropped connection leaves the outcome
 * unknown: before trying again, look for the tag in the channel or thread, and stop if it is
 * there. A refusal (any other error) is final. After {@link RetryPolicy#attempts()} tries the
 * post is still owed; its owner decides whether to try another round later.
 */
final class ConfirmedPoster {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedPoster.class);
    private static final String METHOD = "chat.postMessage";

    private final MethodsClient methods;
    private final TaggedMessageSearch search;
    private final RetryPolicy policy;
    private final BotMetrics metrics;
    private final Clock clock;

    ConfirmedPoster(MethodsClient methods, RetryPolicy policy, BotMetrics metrics, Clock clock) {
        this.methods = methods;
        this.search = new TaggedMessageSearch(methods);
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    PostResult post(ChatPost post) {
        Instant firstAttempt = post.attemptedAt();
        boolean unknown = firstAttempt != null;
        String last = "no attempt";
        for (int tries = 1; tries <= policy.attempts(); tries++) {
            Duration wait;
            String reason;
            if (unknown) {
                TaggedMessageSearch.Lookup lookup = search.find(post.channel(), post.threadTs(), post.tag(), firstAttempt);
                if (lookup.found().isPresent()) {
                    metrics.slackPostFoundByTag();
                    LOG.info("{}: the message to {} was already in Slack (found by its metadata); not posted again",
                            post.about(), post.channel());
                    return PostResult.posted(lookup.found().get());
                }
                if (lookup.failed()) {
                    last = "lookup failed: " + lookup.failure();
                    if (!pause(post, tries, policy.backoff(tries), "lookup", last)) {
                        break;
                    }
                    continue;
                }
                unknown = false;
            }
            if (firstAttempt == null) {
                post.beforeFirstAttempt().run();
                firstAttempt = clock.instant();
            }
            try {
                ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel(post.channel())
                        .threadTs(post.threadTs()).text(post.text()).blocks(post.blocks()).metadata(post.tag().metadata())
                        .unfurlLinks(false).unfurlMedia(false));
                if (response.isOk()) {
                    return PostResult.posted(new MessageRef(response.getChannel() == null ? post.channel()
                            : response.getChannel(), response.getTs()));
                }
                if (!"ratelimited".equals(response.getError())) {
                    LOG.error("Slack refused {} for {}: {}", METHOD, post.about(), response.getError());
                    metrics.slackApiError(METHOD, response.getError());
                    return PostResult.refused(response.getError());
                }
                wait = policy.retryAfter(null);
                reason = "rate_limited";
                last = "ratelimited";
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                last = "HTTP " + status;
                if (status == 429) {
                    wait = policy.retryAfter(e.getResponse().header("Retry-After"));
                    reason = "rate_limited";
                } else if (status >= 500) {
                    unknown = true;
                    wait = policy.backoff(tries);
                    reason = "server_error";
                } else {
                    LOG.error("Slack refused {} for {}: HTTP {}", METHOD, post.about(), status);
                    metrics.slackApiError(METHOD, "http_" + status);
                    return PostResult.refused("http_" + status);
                }
            } catch (ConnectException e) {
                wait = policy.backoff(tries);
                reason = "io";
                last = "cannot connect";
            } catch (IOException e) {
                unknown = true;
                wait = policy.backoff(tries);
                reason = "io";
                last = e.getClass().getSimpleName();
            }
            metrics.slackApiRetry(METHOD, reason);
            if (!pause(post, tries, wait, reason, last)) {
                break;
            }
        }
        LOG.warn("{}: the message to {} is not confirmed after {} tries ({}); it stays owed", post.about(), post.channel(),
                policy.attempts(), last);
        metrics.slackApiError(METHOD, "still_owed");
        return PostResult.owed(last);
    }

    /** Waits before try {@code tries + 1}; false when there is none or the wait was interrupted (shutting down). */
    private boolean pause(ChatPost post, int tries, Duration wait, String reason, String last) {
        if (tries >= policy.attempts()) {
            return false;
        }
        LOG.warn("Slack {} for {}: {} ({}), try {} of {} in {} ms", METHOD, post.about(), reason, last, tries + 1,
                policy.attempts(), wait.toMillis());
        return RetryPolicy.pause(wait);
    }
}
