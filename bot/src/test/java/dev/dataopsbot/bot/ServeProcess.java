package dev.dataopsbot.bot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.server.HealthProbe;

/**
 * {@code java <documented flags> -jar dataops-bot.jar serve} as its own process against a
 * {@link FakeSlackApi}, with its output in a log file: for the tests that kill it, stop it with
 * SIGTERM or break its storage.
 */
final class ServeProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String WEBHOOK_TOKEN = "webhook-token-for-tests";

    final Process process;
    final int port;
    final Path log;

    private ServeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServeProcess start(FakeSlackApi slack, Path workDir, Path dataDir, String logName, Map<String, String> extraEnv)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PackagingTest.jvmFlags());
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        Path log = workDir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DATAOPS_"));
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET",
                SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port), "DATAOPS_DATA_DIR",
                dataDir.toString(), "DATAOPS_WEBHOOK_TOKEN", WEBHOOK_TOKEN));
        env.putAll(extraEnv);
        builder.environment().putAll(env);
        return new ServeProcess(builder.start(), port, log);
    }

    /** Waits up to 60 s for {@code /healthz} 200. */
    ServeProcess awaitHealthy() throws Exception {
        if (!HealthProbe.awaitHealthy(HttpClient.newHttpClient(), url("/healthz"), Duration.ofSeconds(60), process::isAlive)) {
            throw new AssertionError("serve did not become ready:\n" + log());
        }
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns how long the process took to exit. */
    Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within 60 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
