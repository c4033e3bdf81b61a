package dev.dataopsbot.bot.bench;

import static dev.dataopsbot.bot.bench.ServedBenchmark.excerpt;
import static dev.dataopsbot.bot.bench.ServedBenchmark.mb;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dataopsbot.bot.fake.FakeSlackApi;

/**
 * Ack latency and memory of {@code serve} under signed {@code /dataops triage} slash commands from
 * 127.0.0.1: 50 concurrent senders, 5,000 commands after 500 of warm-up, the server a separate
 * {@code java -jar} process talking to an in-process {@link FakeSlackApi}. Targets: ack p99 at most
 * 300 ms, RSS at most 300 MB (MB here is 10^6 bytes). After the load it waits for the replies
 * sent after the ack and counts them. Run from the repository root with {@code bench/slack.sh}, or:
 * {@code mvn -B -q -o -pl bot test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dataopsbot.bot.bench.SlackAckBenchmark}. System properties:
 * {@code bench.jar} (default {@code bot/target/dataops-bot.jar}), {@code bench.jvmOpts} (options
 * for the server's JVM, default none, e.g. {@code -Xmx256m}), {@code bench.requests} (5000),
 * {@code bench.concurrency} (50), {@code bench.warmup} (500).
 */
public final class SlackAckBenchmark {

    private static final long TARGET_P99_MS = 300;
    private static final long TARGET_RSS_MB = 300;
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration DRAIN_CAP = Duration.ofSeconds(120);

    private final int requests = Integer.getInteger("bench.requests", 5_000);
    private final int senders = Integer.getInteger("bench.concurrency", 50);
    private final int warmUp = Integer.getInteger("bench.warmup", 500);
    private final int channels = Integer.getInteger("bench.channels", 250);

    private SlackAckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServedBenchmark.main("slack-bench", (bench, work) -> new SlackAckBenchmark().run(bench, work));
    }

    private int run(ServedBenchmark bench, Path work) throws Exception {
        List<Path> sources = List.of(bench.root.resolve("examples"), bench.root.resolve("../shared/samples").normalize());
        AlertTexts alerts = AlertTexts.from(sources);
        System.out.printf(Locale.ROOT, "alerts: %d texts from %s; a different pipeline suffix on 3 requests in 4, the 4th a repeat%n",
                alerts.size(), sources.stream().filter(Files::isDirectory).toList());
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path data = Files.createDirectories(work.resolve("data"));
        HttpClient http = SlashCommandLoad.client();
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", secret,
                    "SLACK_API_URL", slack.apiUrl(), "DATAOPS_DATA_DIR", data.toString());
            return bench.serve(work, env, http, (bot, rss) -> measure(bot, rss, slack, http, alerts, secret));
        }
    }

    private int measure(BotProcess bot, RssSampler rss, FakeSlackApi slack, HttpClient http, AlertTexts alerts,
            String secret) throws Exception {
        SlashCommandLoad load = new SlashCommandLoad(http, bot.endpoint("/slack/events"), secret, senders);

        Replies warmUpReplies = new Replies(slack, "warmup-");
        SlashCommandLoad.Result warm = load.send(warmUp, n -> "triage " + alerts.nth(n), this::channel,
                n -> slack.responseUrl("warmup-" + n));
        Replies.Drained warmDrained = warmUpReplies.awaitDrain(warmUp, QUIET, DRAIN_CAP);
        System.out.printf(Locale.ROOT, "warm-up: %,d commands, p50 %.0f ms, p99 %.0f ms, %d not acknowledged; %,d replies%n",
                warmUp, warm.percentileMillis(50), warm.percentileMillis(99), warm.non200() + warm.failures(),
                warmDrained.answeredRequests() + warmDrained.webApiMessages());

        rss.resetPeak();
        Replies replies = new Replies(slack, "run-");
        SlashCommandLoad.Result result = load.send(requests, n -> "triage " + alerts.nth(warmUp + n), this::channel,
                n -> slack.responseUrl("run-" + n));
        Instant loadEnded = Instant.now();
        long peakDuringLoad = rss.peak();
        Replies.Drained drained = replies.awaitDrain(requests, QUIET, DRAIN_CAP);
        long peak = rss.peak();
        long after = rss.current();
        long highWaterMark = rss.highWaterMark();

        ServedBenchmark.printMachine();
        System.out.printf(Locale.ROOT, "ack body (first 200): %s%n", excerpt(result.firstBody()));
        double p99 = result.percentileMillis(99);
        System.out.printf(Locale.ROOT, "ack latency (%d concurrent, %,d signed slash commands): p50 %.0f ms, p90 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms (target p99 <= %d ms)%s%n",
                senders, requests, result.percentileMillis(50), result.percentileMillis(90), p99, result.maxMillis(),
                TARGET_P99_MS, p99 <= TARGET_P99_MS ? "" : "  MISSED");
        System.out.printf(Locale.ROOT, "throughput: %.0f commands/s (%,d in %.1f s)%n",
                result.perSecond(), requests, result.elapsedNanos() / 1e9);
        System.out.printf(Locale.ROOT, "errors: %d non-200, %d failed%s%n", result.non200(), result.failures(),
                result.firstProblem() == null ? "" : "; first: " + excerpt(result.firstProblem()));
        if (rss.available()) {
            System.out.printf(Locale.ROOT, "RSS while serving: peak %s (%s during the load), after load %s (target <= %d MB)%s;"
                            + " VmHWM %s (start-up included)%n",
                    mb(peak), mb(peakDuringLoad), mb(after), TARGET_RSS_MB,
                    peak <= TARGET_RSS_MB * 1_000_000 ? "" : "  MISSED", mb(highWaterMark));
        } else {
            System.out.println("RSS while serving: not measured, /proc/<pid>/status is not readable here");
        }
        System.out.println(replyLine(drained, loadEnded));
        return 0;
    }

    private String replyLine(Replies.Drained drained, Instant loadEnded) {
        String counts = String.format(Locale.ROOT, "replies delivered: %,d/%,d through response_url (+ %,d Web API messages)",
                drained.answeredRequests(), requests, drained.webApiMessages());
        if (drained.lastArrival() == null) {
            return counts + ": none within " + QUIET.toSeconds() + " s of the load (the ack was the whole answer)";
        }
        double afterLoad = Math.max(0, Duration.between(loadEnded, drained.lastArrival()).toMillis() / 1e3);
        return counts + String.format(Locale.ROOT, ", the last %.1f s after the load ended%s", afterLoad,
                drained.capped() ? "; stopped waiting after " + DRAIN_CAP.toSeconds() + " s while replies still came" : "");
    }

    /** Commands come from {@code channels} channels in turn: Slack takes about one message per second per channel. */
    private String channel(int n) {
        return "CB" + (n % channels);
    }
}
