package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.Locale;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.bot.metrics.BotMetrics;

/** Counts every request from Slack by kind and times how long its ack took. */
final class RequestTiming implements Middleware {

    private final BotMetrics metrics;

    RequestTiming(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        long start = System.nanoTime();
        try {
            return chain.next(request);
        } finally {
            metrics.request(kind(request), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** {@code Command} → {@code command}, {@code ViewSubmission} → {@code view_submission}. */
    static String kind(Request request) {
        return request.getRequestType() == null ? "unknown"
                : request.getRequestType().name().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
