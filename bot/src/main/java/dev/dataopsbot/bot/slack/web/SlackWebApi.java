package dev.dataopsbot.bot.slack.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.knowledge.incident.MessageRef;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the bot makes, each one retried per {@link RetryPolicy}: HTTP 429 waits for
 * {@code Retry-After}, 5xx and I/O failures back off and try again, other refusals are logged once.
 * A call that fails for good is logged as an error naming what it was for ({@code about}, e.g. the
 * incident key) and counted; callers get an empty result, never an exception. Messages into a
 * channel go through a {@link ChannelOutbox}: about one per second per channel, without blocking
 * the caller, so their methods return futures.
 */
public final class SlackWebApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);
    private static final Duration PER_CHANNEL = Duration.ofSeconds(1);

    private final MethodsClient methods;
    private final SlackHttpClient http;
    private final RetryPolicy policy;
    private final BotMetrics metrics;
    private final ChannelOutbox outbox = new ChannelOutbox(PER_CHANNEL);
    private final ConfirmedPoster poster;
    private final Gson gson = GsonFactory.createSnakeCase();
    private volatile AuthTestResponse identity;

    public SlackWebApi(MethodsClient methods, SlackHttpClient http, RetryPolicy policy, BotMetrics metrics) {
        this.methods = methods;
        this.http = http;
        this.policy = policy;
        this.metrics = metrics;
        this.poster = new ConfirmedPoster(methods, policy, metrics, Clock.systemUTC());
    }

    /**
     * Posts a message after the channel's earlier posts, tagged so that it is never posted twice
     * ({@link ConfirmedPoster}); the future tells whether Slack confirmed it, refused it or it is
     * still owed.
     */
    public CompletableFuture<PostResult> post(ChatPost post) {
        return outbox.submit(post.channel(), () -> poster.post(post));
    }

    /**
     * Posts a message that nothing stored owes, in {@code threadTs}'s thread when not null; the
     * future tells where it landed, or is empty when it was not posted (logged).
     */
    public CompletableFuture<Optional<MessageRef>> post(String channel, String threadTs, String text, List<LayoutBlock> blocks,
                                                        String about) {
        return post(ChatPost.of(channel, threadTs, text, blocks, about)).thenApply(PostResult::where);
    }

    /** Replaces a message's text and blocks, in its channel's turn; the future says whether Slack took it. */
    public CompletableFuture<Boolean> update(MessageRef message, String text, List<LayoutBlock> blocks, String about) {
        return outbox.submit(message.channel(), () -> call("chat.update", about, () -> methods.chatUpdate(r -> r
                .channel(message.channel()).ts(message.ts()).text(text).blocks(blocks))).isPresent());
    }

    /** A message only {@code user} sees. */
    public boolean ephemeral(String channel, String user, String text, String about) {
        return call("chat.postEphemeral", about, () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user)
                .text(text))).isPresent();
    }

    /** Opens a modal; {@code triggerId} comes from the interaction and expires 3 s after it. */
    public boolean openView(String triggerId, View view, String about) {
        return call("views.open", about, () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view))).isPresent();
    }

    /**
     * Uploads {@code content} as a file and shares it in the channel (in {@code threadTs}'s thread
     * when not null) with {@code comment}: {@code files.getUploadURLExternal}, the upload itself,
     * then {@code files.completeUploadExternal}, which posts into the channel and so waits its turn.
     * The future says whether the file was shared.
     */
    public CompletableFuture<Boolean> upload(String channel, String threadTs, String filename, String title, String content,
                                             String comment, String about) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Optional<FilesGetUploadURLExternalResponse> slot = call("files.getUploadURLExternal", about,
                () -> methods.filesGetUploadURLExternal(r -> r.filename(filename).length(bytes.length)));
        if (slot.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<Boolean> uploaded = call("files.upload", about, () -> {
            Request request = new Request.Builder().url(slot.get().getUploadUrl())
                    .post(RequestBody.create(bytes, MediaType.get("text/markdown; charset=utf-8"))).build();
            return send(request);
        }, ok -> null);
        if (uploaded.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        FilesCompleteUploadExternalRequest.FileDetails file = FilesCompleteUploadExternalRequest.FileDetails.builder()
                .id(slot.get().getFileId()).title(title).build();
        return outbox.submit(channel, () -> call("files.completeUploadExternal", about, () -> methods
                .filesCompleteUploadExternal(r -> r.files(List.of(file)).channelId(channel).threadTs(threadTs)
                        .initialComment(comment))).isPresent());
    }

    /**
     * Answers through an interaction's {@code response_url}.
     *
     * @param inChannel visible to the channel rather than only to the user
     */
    public boolean respond(String responseUrl, String text, List<LayoutBlock> blocks, boolean inChannel, String about) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", inChannel ? "in_channel" : "ephemeral");
        body.addProperty("text", text);
        if (blocks != null && !blocks.isEmpty()) {
            body.add("blocks", gson.toJsonTree(blocks));
        }
        Request request = new Request.Builder().url(responseUrl)
                .post(RequestBody.create(gson.toJson(body), MediaType.get("application/json; charset=utf-8"))).build();
        return call("response_url", about, () -> send(request), ok -> null).isPresent();
    }

    private Boolean send(Request request) throws IOException, SlackApiException {
        try (Response response = http.getOkHttpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new SlackApiException(response, response.body() == null ? "" : response.body().string());
            }
            return Boolean.TRUE;
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> Optional<T> call(String method, String about, Attempt<T> attempt) {
        return call(method, about, attempt, response -> response.isOk() ? null : response.getError());
    }

    /** @param errorOf the error a 200 answer carries, or null when it succeeded */
    private <T> Optional<T> call(String method, String about, Attempt<T> attempt, Function<T, String> errorOf) {
        String last = "no attempt";
        for (int tries = 1; tries <= policy.attempts(); tries++) {
            Duration wait;
            String reason;
            try {
                T response = attempt.run();
                String error = errorOf.apply(response);
                if (error == null) {
                    return Optional.of(response);
                }
                if (!"ratelimited".equals(error)) {
                    LOG.error("Slack refused {} for {}: {}", method, about, error);
                    metrics.slackApiError(method, error);
                    return Optional.empty();
                }
                wait = policy.retryAfter(null);
                reason = "rate_limited";
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    wait = policy.retryAfter(e.getResponse().header("Retry-After"));
                    reason = "rate_limited";
                } else if (status >= 500) {
                    wait = policy.backoff(tries);
                    reason = "server_error";
                } else {
                    LOG.error("Slack refused {} for {}: HTTP {}", method, about, status);
                    metrics.slackApiError(method, "http_" + status);
                    return Optional.empty();
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                wait = policy.backoff(tries);
                reason = "io";
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (tries == policy.attempts()) {
                break;
            }
            LOG.warn("Slack {} for {}: {} ({}), try {} of {} in {} ms", method, about, reason, last, tries + 1,
                    policy.attempts(), wait.toMillis());
            metrics.slackApiRetry(method, reason);
            if (!RetryPolicy.pause(wait)) {
                return Optional.empty();
            }
        }
        LOG.error("Slack {} failed for {} after {} tries: {}", method, about, policy.attempts(), last);
        metrics.slackApiError(method, "gave_up");
        return Optional.empty();
    }

    /**
     * A link to a message (or a thread, by its first message), e.g.
     * {@code https://acme.slack.com/archives/C1/p1700000000000100}, from the workspace URL that
     * {@code auth.test} gives (asked once); empty when Slack would not say.
     */
    public Optional<String> permalink(String channel, String ts) {
        String url = identity().map(AuthTestResponse::getUrl).orElse(null);
        if (url == null || ts == null) {
            return Optional.empty();
        }
        return Optional.of((url.endsWith("/") ? url : url + "/") + "archives/" + channel + "/p" + ts.replace(".", ""));
    }

    /** Who the bot is, if already known: never calls Slack (for request paths that must answer at once). */
    public Optional<AuthTestResponse> knownIdentity() {
        return Optional.ofNullable(identity);
    }

    /** Who the bot is ({@code auth.test}: user id, bot id, workspace URL), asked once; empty when Slack would not say. */
    public Optional<AuthTestResponse> identity() {
        AuthTestResponse known = identity;
        if (known == null) {
            known = call("auth.test", "the bot's identity", () -> methods.authTest(r -> r)).orElse(null);
            identity = known;
        }
        return Optional.ofNullable(known);
    }

    /** Messages waiting for {@code channel}'s turn: how far behind the channel's posts are, in seconds. */
    public int pendingPosts(String channel) {
        return outbox.pending(channel);
    }

    /** Sends what is queued for up to {@code wait}, then stops. */
    public void drain(Duration wait) throws InterruptedException {
        outbox.shutdown(wait);
    }

    @Override
    public void close() {
        outbox.close();
    }
}
