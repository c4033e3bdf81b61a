package dev.dataopsbot.bot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.dataopsbot.bot.fake.FakeSlackApi;

/**
 * The replies the bot delivered to the fake Slack after acknowledging: posts to the response URLs
 * of one batch (counted once per request) and Web API messages ({@code chat.postMessage},
 * {@code chat.update}, {@code chat.postEphemeral}) since the batch started.
 */
final class Replies {

    /** What had arrived when the background work drained: {@code lastArrival} is null if nothing came. */
    record Drained(int answeredRequests, int webApiMessages, Instant lastArrival, boolean capped) {
    }

    private static final Set<String> MESSAGE_METHODS = Set.of("chat.postMessage", "chat.update", "chat.postEphemeral");
    private final FakeSlackApi slack;
    private final String responsePathPrefix;
    private final int callsBefore;

    /** Counts replies for response URLs {@code slack.responseUrl(idPrefix + n)} and messages after this moment. */
    Replies(FakeSlackApi slack, String idPrefix) {
        this.slack = slack;
        this.responsePathPrefix = "/response/" + idPrefix;
        this.callsBefore = slack.calls().size();
    }

    /**
     * Waits until {@code expected} requests were answered or {@code expected} messages posted, or
     * nothing new arrived for {@code quiet}, or {@code cap} passed.
     */
    Drained awaitDrain(int expected, Duration quiet, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        long quietSince = System.nanoTime();
        int seen = -1;
        while (true) {
            Drained now = count();
            int total = now.answeredRequests() + now.webApiMessages();
            if (total != seen) {
                seen = total;
                quietSince = System.nanoTime();
            }
            if (now.answeredRequests() >= expected || now.webApiMessages() >= expected
                    || System.nanoTime() - quietSince >= quiet.toNanos()) {
                return now;
            }
            if (System.nanoTime() >= deadline) {
                return new Drained(now.answeredRequests(), now.webApiMessages(), now.lastArrival(), true);
            }
            Thread.sleep(200);
        }
    }

    private Drained count() {
        List<FakeSlackApi.Call> calls = slack.calls();
        Set<String> answered = new HashSet<>();
        int messages = 0;
        Instant last = null;
        for (FakeSlackApi.Call call : calls.subList(Math.min(callsBefore, calls.size()), calls.size())) {
            boolean reply = false;
            if (call.method().equals("response") && call.param("path").startsWith(responsePathPrefix)) {
                answered.add(call.param("path"));
                reply = true;
            } else if (MESSAGE_METHODS.contains(call.method())) {
                messages++;
                reply = true;
            }
            if (reply && (last == null || call.at().isAfter(last))) {
                last = call.at();
            }
        }
        return new Drained(answered.size(), messages, last, false);
    }
}
