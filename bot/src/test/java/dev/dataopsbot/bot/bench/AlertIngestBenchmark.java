package dev.dataopsbot.bot.bench;

import static dev.dataopsbot.bot.bench.ServedBenchmark.excerpt;
import static dev.dataopsbot.bot.bench.ServedBenchmark.mb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentStore;

/**
 * Alert ingestion by {@code serve}, a separate {@code java -jar} process against an in-process
 * {@link FakeSlackApi}, in two phases after a warm-up. Phase 1: Alertmanager notifications
 * ({@link AlertmanagerPayloads#firing}, one new alert each) sent open-loop at 50/s for 60 s to
 * {@code POST /webhooks/alertmanager}; targets: p99 response time at most 50 ms, every alert
 * stored (the sum of {@code stored} in the 200 answers equals the alerts sent, no other status).
 * Phase 2: signed {@code message} events of Airflow failure callbacks ({@link ChannelAlertEvents})
 * at 10/s for 30 s over 20 alert channels (0.5/s each, under Slack's one post per second per
 * channel); target: p99 from sending the event to the fake Slack receiving the triage reply in the
 * alert's thread at most 1 s. Also the event ack latency and the server's RSS peak (target 300
 * MB, 10^6 bytes). After stopping the server it opens the database and counts what was stored.
 * Run from the repository root with {@code bench/alerts.sh}. System properties: {@code bench.jar},
 * {@code bench.jvmOpts} (as {@link SlackAckBenchmark}), {@code bench.webhookRate} (50),
 * {@code bench.webhookSeconds} (60), {@code bench.eventRate} (10), {@code bench.eventSeconds} (30),
 * {@code bench.channels} (20), {@code bench.warmupSeconds} (10, each phase), {@code bench.senders} (64).
 */
public final class AlertIngestBenchmark {

    private static final long TARGET_WEBHOOK_P99_MS = 50;
    private static final long TARGET_REPLY_P99_MS = 1_000;
    private static final long SLACK_ACK_LIMIT_MS = 3_000;
    private static final long TARGET_RSS_MB = 300;
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final String WEBHOOK_CHANNEL = "CHOOKS";
    private static final long FIRST_TS = 1_750_000_000L;
    private static final int WARM_UP_OFFSET = 1_000_000;
    private static final int RUN_OFFSET = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final double webhookRate = Double.parseDouble(System.getProperty("bench.webhookRate", "50"));
    private final int webhookSeconds = Integer.getInteger("bench.webhookSeconds", 60);
    private final double eventRate = Double.parseDouble(System.getProperty("bench.eventRate", "10"));
    private final int eventSeconds = Integer.getInteger("bench.eventSeconds", 30);
    private final int channelCount = Integer.getInteger("bench.channels", 20);
    private final int warmUpSeconds = Integer.getInteger("bench.warmupSeconds", 10);
    private final int senders = Integer.getInteger("bench.senders", 64);
    private final String webhookToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    private AlertIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServedBenchmark.main("alerts-bench", (bench, work) -> new AlertIngestBenchmark().run(bench, work));
    }

    private int run(ServedBenchmark bench, Path work) throws Exception {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path data = Files.createDirectories(work.resolve("data"));
        List<String> channels = IntStream.range(0, channelCount).mapToObj(n -> "CALERT" + n).toList();
        HttpClient http = SlashCommandLoad.client();
        int exit;
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", secret,
                    "SLACK_API_URL", slack.apiUrl(), "DATAOPS_DATA_DIR", data.toString(),
                    "DATAOPS_WEBHOOK_TOKEN", webhookToken,
                    "DATAOPS_ALERT_CHANNELS", WEBHOOK_CHANNEL + "," + String.join(",", channels));
            exit = bench.serve(work, env, http,
                    (bot, rss) -> measure(bot, rss, slack, http, new ChannelAlertEvents(channels, secret, FIRST_TS)));
        }
        if (exit != ServedBenchmark.NOT_BUILT && exit != ServedBenchmark.NOT_READY && exit != ServedBenchmark.DIED) {
            printStored(data);  // serve has stopped: its database can be read
        }
        return exit;
    }

    private int measure(BotProcess bot, RssSampler rss, FakeSlackApi slack, HttpClient http, ChannelAlertEvents events)
            throws Exception {
        OpenLoopSender sender = new OpenLoopSender(http, senders);
        URI webhook = bot.endpoint("/webhooks/alertmanager");
        URI slackEvents = bot.endpoint("/slack/events");

        int warmWebhooks = (int) Math.round(webhookRate * warmUpSeconds);
        int warmEvents = (int) Math.round(eventRate * warmUpSeconds);
        OpenLoopSender.Result warmHook = sender.send(warmWebhooks, webhookRate, n -> webhookRequest(webhook, WARM_UP_OFFSET + n));
        OpenLoopSender.Result warmEvent = sender.send(warmEvents, eventRate, n -> events.request(slackEvents, n));
        Map<String, Instant> warmReplies = awaitReplies(slack, IntStream.range(0, warmEvents).mapToObj(events::ts).toList());
        System.out.printf(Locale.ROOT, "warm-up (%d s each, not counted): %,d webhook calls (p99 %.1f ms, %d non-200),"
                        + " %,d channel alerts (ack p99 %.1f ms, %,d thread replies)%n",
                warmUpSeconds, warmWebhooks, warmHook.answered().percentileMillis(99), warmHook.non200(),
                warmEvents, warmEvent.answered().percentileMillis(99), warmReplies.size());

        rss.resetPeak();
        int hooks = (int) Math.round(webhookRate * webhookSeconds);
        OpenLoopSender.Result hook = sender.send(hooks, webhookRate, n -> webhookRequest(webhook, n));
        long webhookPeak = rss.peak();
        reportWebhook(hook, hooks);

        rss.resetPeak();
        int alerts = (int) Math.round(eventRate * eventSeconds);
        OpenLoopSender.Result sent = sender.send(alerts, eventRate, n -> events.request(slackEvents, RUN_OFFSET + n));
        List<String> threads = IntStream.range(0, alerts).mapToObj(n -> events.ts(RUN_OFFSET + n)).toList();
        Map<String, Instant> replies = awaitReplies(slack, threads);
        long eventPeak = rss.peak();
        reportChannelAlerts(sent, alerts, threads, replies, slack);

        ServedBenchmark.printMachine();
        if (rss.available()) {
            long peak = Math.max(webhookPeak, eventPeak);
            System.out.printf(Locale.ROOT, "RSS while serving: peak %s (webhook phase %s, channel phase %s), now %s"
                            + " (target <= %d MB)%s; VmHWM %s (start-up included)%n",
                    mb(peak), mb(webhookPeak), mb(eventPeak), mb(rss.current()), TARGET_RSS_MB,
                    peak <= TARGET_RSS_MB * 1_000_000 ? "" : "  MISSED", mb(rss.highWaterMark()));
        } else {
            System.out.println("RSS while serving: not measured, /proc/<pid>/status is not readable here");
        }
        System.out.printf(Locale.ROOT, "webhook triage posts to %s so far: %,d (paced at one a second per channel)%n",
                WEBHOOK_CHANNEL, slack.calls("chat.postMessage").stream()
                        .filter(call -> WEBHOOK_CHANNEL.equals(call.param("channel"))).count());
        return 0;
    }

    private HttpRequest webhookRequest(URI endpoint, int n) {
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + webhookToken)
                .POST(HttpRequest.BodyPublishers.ofString(AlertmanagerPayloads.firing(n))).build();
    }

    private void reportWebhook(OpenLoopSender.Result result, int sent) {
        long stored = 0;
        long duplicates = 0;
        for (int n = 0; n < result.count(); n++) {
            if (result.statuses()[n] == 200) {
                try {
                    var answer = JSON.readTree(result.bodies()[n]);
                    stored += answer.path("stored").asLong();
                    duplicates += answer.path("duplicates").asLong();
                } catch (IOException e) {
                    System.out.println("webhook: unreadable 200 answer: " + excerpt(result.bodies()[n]));
                }
            }
        }
        Latencies latencies = result.answered();
        double p99 = latencies.percentileMillis(99);
        System.out.printf(Locale.ROOT, "webhook response time (open loop, %.0f/s for %d s, %,d notifications of one alert,"
                        + " timed from when each was due): %s (target p99 <= %d ms)%s%n",
                webhookRate, webhookSeconds, sent, latencies.summary(), TARGET_WEBHOOK_P99_MS,
                p99 <= TARGET_WEBHOOK_P99_MS ? "" : "  MISSED");
        System.out.printf(Locale.ROOT, "webhook rate: %.2f/s achieved (target %.0f/s), sends at most %.1f ms late%n",
                result.achievedRate(), webhookRate, result.maxSendLagMillis());
        boolean allStored = stored == sent && result.non200() == 0;
        System.out.printf(Locale.ROOT, "webhook stored: %,d of %,d sent, %,d duplicates, %d non-200 (target all stored,"
                        + " 0 non-200)%s%s%n", stored, sent, duplicates, result.non200(), allStored ? "" : "  MISSED",
                result.firstFailure() == null ? "" : "; first: " + excerpt(result.firstFailure()));
    }

    private void reportChannelAlerts(OpenLoopSender.Result result, int sent, List<String> threads,
                                     Map<String, Instant> replies, FakeSlackApi slack) {
        Latencies acks = result.answered();
        System.out.printf(Locale.ROOT, "event ack latency (open loop, %.0f/s for %d s over %d channels, %,d signed alert"
                        + " messages): %s (Slack's limit %d ms); %d non-200%s%n",
                eventRate, eventSeconds, channelCount, sent, acks.summary(), SLACK_ACK_LIMIT_MS, result.non200(),
                result.firstFailure() == null ? "" : "; first: " + excerpt(result.firstFailure()));
        List<Long> waits = new ArrayList<>();
        for (int n = 0; n < threads.size(); n++) {
            Instant reply = replies.get(threads.get(n));
            if (reply != null && result.sentAt()[n] != null) {
                waits.add(Duration.between(result.sentAt()[n], reply).toNanos());
            }
        }
        Latencies replyTimes = new Latencies(waits.stream().mapToLong(Long::longValue).toArray());
        double p99 = replyTimes.percentileMillis(99);
        boolean all = replies.size() == sent;
        System.out.printf(Locale.ROOT, "thread reply latency (event sent -> chat.postMessage with its thread_ts at the fake"
                        + " Slack): %s (target p99 <= %d ms)%s%n", replyTimes.summary(), TARGET_REPLY_P99_MS,
                p99 <= TARGET_REPLY_P99_MS && all ? "" : "  MISSED");
        long unclassified = slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("thread_ts") != null && replies.containsKey(call.param("thread_ts")))
                .filter(call -> call.param("text") != null && call.param("text").contains("could not classify")).count();
        System.out.printf(Locale.ROOT, "thread replies arrived: %,d of %,d (%d of them 'could not classify')%s%n",
                replies.size(), sent, unclassified, all ? "" : "  MISSED");
    }

    /** Waits until each thread has a chat.postMessage, or {@link #REPLY_WAIT}; the first arrival per thread. */
    private static Map<String, Instant> awaitReplies(FakeSlackApi slack, List<String> threads) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        Map<String, Instant> wanted = new HashMap<>();
        threads.forEach(ts -> wanted.put(ts, null));
        Map<String, Instant> found = new LinkedHashMap<>();
        while (true) {
            for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
                String ts = call.param("thread_ts");
                if (ts != null && wanted.containsKey(ts)) {
                    found.merge(ts, call.at(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (found.size() >= wanted.size() || System.nanoTime() >= deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    /** Opens the stopped server's database and prints what it holds. */
    private static void printStored(Path data) {
        try (IncidentDatabase db = IncidentDatabase.open(data)) {
            int incidents = new IncidentStore(db, Clock.systemUTC()).list(false, Integer.MAX_VALUE).size();
            Map<String, Long> alerts = db.read("cannot count the alerts in", c -> {
                Map<String, Long> bySource = new LinkedHashMap<>();
                try (Statement query = c.createStatement();
                     ResultSet rows = query.executeQuery("SELECT source, count(*) FROM alert GROUP BY source ORDER BY source")) {
                    while (rows.next()) {
                        bySource.put(rows.getString(1), rows.getLong(2));
                    }
                }
                try (Statement query = c.createStatement();
                     ResultSet rows = query.executeQuery("SELECT count(*) FROM pending_reply")) {
                    bySource.put("(replies still pending)", rows.next() ? rows.getLong(1) : 0);
                }
                return bySource;
            });
            System.out.printf(Locale.ROOT, "database after serve stopped: %,d incidents; alert rows by source: %s%n",
                    incidents, alerts);
        } catch (RuntimeException e) {
            System.out.println("database after serve stopped: cannot read it: " + e.getMessage());
        }
    }
}
