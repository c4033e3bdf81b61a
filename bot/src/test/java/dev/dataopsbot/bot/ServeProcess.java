package dev.dataopsbot.bot;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;

/**
 * {@code serve} as the jar-level fault tests run it: a {@link BotProcess} with the documented
 * flags, pointed at a {@link FakeSlackApi} and a data folder, with the webhook on, its output in
 * {@code workDir/logName}.
 */
final class ServeProcess {

    static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String WEBHOOK_TOKEN = "webhook-token-for-tests";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeProcess() {
    }

    /** A signed {@code message} event from the Airflow integration in {@code channel}, as the Events API delivers it. */
    static HttpRequest channelAlert(BotProcess serve, String eventId, String channel, String ts, String text) throws Exception {
        String body = JSON.createObjectNode().put("type", "event_callback").put("team_id", "T1").put("api_app_id", "A1")
                .put("event_id", eventId).put("event_time", 1_700_000_000L)
                .set("event", JSON.createObjectNode().put("type", "message").put("subtype", "bot_message")
                        .put("bot_id", "BAIRFLOW").put("username", "Airflow").put("channel", channel).put("ts", ts)
                        .put("text", text)).toString();
        return SignedRequests.event(serve.endpoint("/slack/events"), body, Instant.now(), SIGNING_SECRET);
    }

    /** Alertmanager's POST of {@code notification} with the webhook token. */
    static HttpRequest alertmanager(BotProcess serve, String notification) {
        return HttpRequest.newBuilder(serve.endpoint("/webhooks/alertmanager")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notification)).build();
    }

    static BotProcess start(FakeSlackApi slack, Path workDir, Path dataDir, String logName, Map<String, String> extraEnv)
            throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET",
                SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(), "DATAOPS_DATA_DIR", dataDir.toString(),
                "DATAOPS_WEBHOOK_TOKEN", WEBHOOK_TOKEN));
        env.putAll(extraEnv);
        return BotProcess.start(JAR, PackagingTest.jvmFlags(), env, workDir.resolve(logName));
    }

    /** As {@link #start}, then waits up to 60 s for {@code /healthz} 200. */
    static BotProcess startReady(FakeSlackApi slack, Path workDir, Path dataDir, String logName, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        BotProcess serve = start(slack, workDir, dataDir, logName, extraEnv);
        if (!serve.awaitReady(HttpClient.newHttpClient(), Duration.ofSeconds(60))) {
            serve.close();
            throw new AssertionError("serve did not become ready:\n" + serve.output());
        }
        return serve;
    }
}
