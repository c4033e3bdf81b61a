package dev.dataopsbot.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Rejects a request whose {@code X-Slack-Request-Timestamp} is more than 5 minutes from now,
 * in either direction, with 401. Bolt's own verification checks the signature and stale
 * timestamps but accepts timestamps from the future, which would let a captured request with a
 * forged clock be replayed later.
 */
final class RequestFreshness implements Middleware {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String HEADER = "X-Slack-Request-Timestamp";

    private final Clock clock;

    RequestFreshness(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (request.getHeaders() == null) {
            return chain.next(request);  // Socket Mode envelopes carry no HTTP headers
        }
        String timestamp = request.getHeaders().getFirstValue(HEADER);
        if (timestamp == null || !fresh(timestamp)) {
            return Response.error(401);
        }
        return chain.next(request);
    }

    private boolean fresh(String timestamp) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(clock.instant(), at).abs().compareTo(WINDOW) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }
}
