package dev.dataopsbot.bot.slack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.slack.api.Slack;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.metrics.BotMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Posts through the real SDK client against the fake Slack on 127.0.0.1. */
class ConfirmedPostTest {

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofSeconds(1));

    private SlackWebApi web(FakeSlackApi fake, PrometheusMeterRegistry registry) {
        Slack slack = SlackClient.create(URI.create(fake.apiUrl()));
        return new SlackWebApi(slack.methods("xoxb-1-2-test"), slack.getHttpClient(), FAST, new BotMetrics(registry));
    }

    private static ChatPost reply(long id, Instant attemptedAt) {
        return new ChatPost("C1", "1700000100.000100", "triage", null, ReplyTag.ofReply("INC-1", id), attemptedAt, () -> { });
    }

    @Test
    void a_post_whose_answer_was_lost_is_found_by_its_metadata_and_not_posted_again() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeSlackApi fake = new FakeSlackApi(); SlackWebApi web = web(fake, registry)) {
            fake.loseAnswerOfNext("chat.postMessage");
            PostResult result = web.post(reply(7, null)).get(30, TimeUnit.SECONDS);
            assertEquals(PostResult.Status.POSTED, result.status(), String.valueOf(result.error()));
            assertEquals(1, fake.posted().size(), "posted once: " + fake.posted());
            assertEquals(fake.posted().get(0).ts(), result.at().ts());
            assertEquals(1, fake.calls("conversations.replies").size(), "looked up once before deciding");
        }
    }

    @Test
    void after_a_restart_a_reply_that_was_attempted_is_looked_up_and_posted_only_when_it_is_not_there() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeSlackApi fake = new FakeSlackApi(); SlackWebApi web = web(fake, registry)) {
            web.post(reply(8, null)).get(30, TimeUnit.SECONDS);
            PostResult again = web.post(reply(8, Instant.now().minusSeconds(5))).get(30, TimeUnit.SECONDS);
            assertEquals(PostResult.Status.POSTED, again.status());
            assertEquals(1, fake.posted().size(), "the earlier post was found");
            PostResult missing = web.post(reply(9, Instant.now().minusSeconds(5))).get(30, TimeUnit.SECONDS);
            assertEquals(PostResult.Status.POSTED, missing.status());
            assertEquals(2, fake.posted().size(), "a reply not found is posted");
            assertEquals(List.of("r8", "r9"), fake.posted().stream()
                    .map(p -> p.metadata().path("event_payload").path("deliveries").asText()).toList());
        }
    }

    @Test
    void a_429_waits_and_a_refusal_is_final() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeSlackApi fake = new FakeSlackApi(); SlackWebApi web = web(fake, registry)) {
            fake.failNext("chat.postMessage", 429, java.util.Map.of("Retry-After", "1"));
            long start = System.nanoTime();
            assertEquals(PostResult.Status.POSTED, web.post(reply(10, null)).get(30, TimeUnit.SECONDS).status());
            assertEquals(true, System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "waited for Retry-After");
            assertEquals(0, fake.calls("conversations.replies").size(), "a 429 took nothing: no lookup");
            fake.failNext("chat.postMessage", 404, java.util.Map.of());
            assertEquals(PostResult.Status.REFUSED, web.post(reply(11, null)).get(30, TimeUnit.SECONDS).status());
            assertEquals(1, fake.posted().size());
        }
    }
}
