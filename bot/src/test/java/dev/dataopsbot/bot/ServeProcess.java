package dev.dataopsbot.bot;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;

/**
 * {@code serve} as the jar-level fault tests run it: a {@link BotProcess} with the documented
 * flags, pointed at a {@link FakeSlackApi} and a data folder, with the webhook on, its output in
 * {@code workDir/logName}.
 */
final class ServeProcess {

    static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String WEBHOOK_TOKEN = "webhook-token-for-tests";

    private ServeProcess() {
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
