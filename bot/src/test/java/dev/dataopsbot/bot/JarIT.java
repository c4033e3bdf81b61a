package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.server.HealthProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, from another working directory: precompiled rules load,
 * Lucene codecs load (merged META-INF/services), batch output is one JSON result per line.
 */
class JarIT {

    private static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    private static final Path SAMPLES = Path.of("..", "rules", "src", "test", "resources", "samples", "triage-samples.jsonl").toAbsolutePath();

    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @TempDir
    Path workDir;
    private final Map<Process, Integer> ports = new java.util.HashMap<>();

    private record Result(int code, String out, String err) {
    }

    private Result java(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "jar did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void batch_of_the_samples_returns_one_well_formed_result_per_line() throws Exception {
        Result result = java(SAMPLES, "triage", "--batch", "--dry-run");
        assertEquals(0, result.code(), result.err());
        List<String> inputIds = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SAMPLES)) {
            if (!line.isBlank()) {
                inputIds.add(json.readTree(line).get("id").asText());
            }
        }
        List<String> lines = result.out().lines().toList();
        assertEquals(inputIds.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = json.readTree(lines.get(i));
            assertEquals(inputIds.get(i), node.get("id").asText(), "order kept");
            assertTrue(node.hasNonNull("failure_mode") && node.has("runbooks"), lines.get(i));
        }
    }

    @Test
    void serve_starts_with_the_documented_flags_and_answers_healthz() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Process serve = serve(slack, freePort(), workDir.resolve("data"), "serve.log");
            try {
                awaitHealthy(serve);
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
            }
        }
    }

    @Test
    void a_reply_acknowledged_but_not_posted_when_serve_is_killed_is_posted_once_after_a_restart() throws Exception {
        Path data = workDir.resolve("data");
        String alertTs = "1700000100.000100";
        try (FakeSlackApi stuck = new FakeSlackApi()) {
            stuck.hold("chat.postMessage");
            Process serve = serve(stuck, freePort(), data, "first.log");
            try {
                int port = awaitHealthy(serve);
                String event = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev1\","
                        + "\"event_time\":1700000100,\"event\":{\"type\":\"message\",\"subtype\":\"bot_message\","
                        + "\"bot_id\":\"BAIRFLOW\",\"username\":\"Airflow\",\"channel\":\"C1\",\"ts\":\"" + alertTs + "\","
                        + "\"text\":\"Task failed. dag_id=orders_daily, task_id=load_orders. snowflake.connector.errors."
                        + "ProgrammingError: 390114 (08001): Authentication token has expired.\"}}";
                HttpResponse<String> ack = HttpClient.newHttpClient().send(SignedRequests.event(
                        URI.create("http://127.0.0.1:" + port + "/slack/events"), event, Instant.now(), SIGNING_SECRET),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ack.statusCode(), ack.body());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (stuck.heldCount("chat.postMessage") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, stuck.heldCount("chat.postMessage"), "the reply was on its way");
            } finally {
                serve.destroyForcibly();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(List.of(), stuck.calls("chat.postMessage"), "nothing reached Slack before the kill");
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Process serve = serve(slack, freePort(), data, "second.log");
            try {
                awaitHealthy(serve);
                FakeSlackApi.Call reply = slack.await("chat.postMessage", call -> alertTs.equals(call.param("thread_ts")));
                assertTrue(reply.param("text").contains("credential_expiry"), reply.param("text"));
                Thread.sleep(1500);
                assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> alertTs.equals(c.param("thread_ts"))).count(),
                        "posted exactly once");
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            }
        }
    }

    /** {@code java <documented flags> -jar dataops-bot.jar serve} against {@code slack}, output in {@code log}. */
    private Process serve(FakeSlackApi slack, int port, Path dataDir, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PackagingTest.jvmFlags());
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve(log).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DATAOPS_"));
        builder.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port), "DATAOPS_DATA_DIR", dataDir.toString()));
        Process process = builder.start();
        ports.put(process, port);
        return process;
    }

    /** Waits up to 60 s for {@code /healthz} 200; returns the port. */
    private int awaitHealthy(Process serve) throws Exception {
        int port = ports.get(serve);
        assertTrue(HealthProbe.awaitHealthy(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/healthz"),
                Duration.ofSeconds(60), serve::isAlive), "serve did not become ready");
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void text_triage_works_from_any_directory() throws Exception {
        Path alert = workDir.resolve("alert.log");
        Files.writeString(alert, "psycopg2.errors.DeadlockDetected: deadlock detected\n");
        Result result = java(null, "triage", alert.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Failure mode:   lock_contention"), result.out());
        assertTrue(result.out().contains("runbooks/lock-contention"), result.out());
        Path database = workDir.resolve("data").resolve("dataops.db");
        assertTrue(result.err().strip().startsWith("dataops-bot: created a new, empty incident database at "
                + database.toAbsolutePath().normalize() + " ("), "only the notice that a database was created: " + result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.out().startsWith("Incident:       INC-1 (new)"), result.out());
        assertTrue(Files.isRegularFile(database), "recorded in ./data by default");

        Result again = java(null, "triage", alert.toString());
        assertEquals("", again.err().strip(), "nothing on stderr once the database exists");
    }
}
