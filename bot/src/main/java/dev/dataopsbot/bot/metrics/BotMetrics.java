package dev.dataopsbot.bot.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The bot's meters (Prometheus names in brackets): requests from Slack by kind
 * ({@code dataops_slack_requests_total}), ack latency ({@code dataops_slack_ack_seconds}) and
 * triage latency ({@code dataops_triage_seconds}) histograms, classifications by failure mode
 * ({@code dataops_classifications_total}), incidents opened, acknowledged and resolved
 * ({@code dataops_incidents_total}), Slack Web API errors and retries
 * ({@code dataops_slack_api_errors_total}, {@code dataops_slack_api_retries_total}), work
 * deferred because the bot was busy ({@code dataops_busy_total}) and HTTP requests refused or
 * ignored before any handler ran ({@code dataops_http_rejected_total}).
 */
public final class BotMetrics {

    private final MeterRegistry registry;
    private final Timer triage;

    public BotMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.triage = Timer.builder("dataops.triage").description("Classification, retrieval and recording of one alert")
                .publishPercentileHistogram().register(registry);
    }

    /** A request from Slack: {@code slash_command}, {@code block_actions}, {@code view_submission}, {@code event}... */
    public void request(String kind, Duration ackLatency) {
        Counter.builder("dataops.slack.requests").description("Requests received from Slack").tag("kind", kind)
                .register(registry).increment();
        Timer.builder("dataops.slack.ack").description("Time from receiving a Slack request to acknowledging it")
                .tag("kind", kind).publishPercentileHistogram().register(registry).record(ackLatency);
    }

    public void triaged(String failureMode, Duration took) {
        triage.record(took);
        Counter.builder("dataops.classifications").description("Alerts classified, by failure mode")
                .tag("failure_mode", failureMode).register(registry).increment();
    }

    /** {@code opened}, {@code acknowledged} or {@code resolved}. */
    public void incident(String event) {
        Counter.builder("dataops.incidents").description("Incident lifecycle events").tag("event", event)
                .register(registry).increment();
    }

    public void slackApiError(String method, String error) {
        Counter.builder("dataops.slack.api.errors").description("Slack Web API calls that failed for good")
                .tag("method", method).tag("error", error).register(registry).increment();
    }

    /** {@code reason}: {@code rate_limited}, {@code server_error} or {@code io}. */
    public void slackApiRetry(String method, String reason) {
        Counter.builder("dataops.slack.api.retries").description("Slack Web API calls retried")
                .tag("method", method).tag("reason", reason).register(registry).increment();
    }

    /** A post whose outcome was unknown (5xx, timeout, restart) turned out to be in Slack already: not posted again. */
    public void slackPostFoundByTag() {
        Counter.builder("dataops.slack.posts.found").description("Posts found in Slack by their metadata after an "
                + "unknown outcome, instead of being posted again").register(registry).increment();
    }

    /** Replies Slack refused for good ({@code channel_not_found}, ...): no longer owed, logged. */
    public void replyRefused(String kind) {
        Counter.builder("dataops.replies.refused").description("Owed replies Slack refused for good")
                .tag("kind", kind).register(registry).increment();
    }

    /**
     * Gauges of what is owed in Slack: {@code dataops_replies_owed}, and
     * {@code dataops_replies_overdue} (owed for longer than the documented limit).
     */
    public void owedReplies(java.util.function.Supplier<Number> owed, java.util.function.Supplier<Number> overdue) {
        io.micrometer.core.instrument.Gauge.builder("dataops.replies.owed", () -> owed.get())
                .description("Slack replies acknowledged and stored but not yet confirmed as posted").register(registry);
        io.micrometer.core.instrument.Gauge.builder("dataops.replies.overdue", () -> overdue.get())
                .description("Owed Slack replies older than the overdue limit").register(registry);
    }

    /** Work that found the background executor full and was queued for a retry. */
    public void busy() {
        Counter.builder("dataops.busy").description("Requests deferred because every background worker was busy")
                .register(registry).increment();
    }

    /**
     * A request to {@code endpoint} answered before any handler ran: {@code too_large}, {@code busy},
     * {@code incomplete_body}, {@code unsigned}, {@code stale_timestamp}, {@code bad_signature},
     * {@code bad_token}, {@code malformed}, {@code replayed}, {@code replay_memory_full}.
     */
    public void rejected(String endpoint, String reason) {
        Counter.builder("dataops.http.rejected").description("HTTP requests refused or ignored before any handler ran")
                .tag("endpoint", endpoint).tag("reason", reason).register(registry).increment();
    }
}
