package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, from another working directory: precompiled rules load,
 * Lucene codecs load (merged META-INF/services), batch output is one JSON result per line.
 */
class JarIT {

    private static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    private static final Path SAMPLES = Path.of("..", "rules", "src", "test", "resources", "samples", "triage-samples.jsonl").toAbsolutePath();

    @TempDir
    Path workDir;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PackagingTest.jvmFlags());
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("serve.log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DATAOPS_"));
            builder.environment().putAll(java.util.Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", "s3cret",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port)));
            Process serve = builder.start();
            try {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.URI health = java.net.URI.create("http://127.0.0.1:" + port + "/healthz");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int status = 0;
                while (status != 200 && serve.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    try {
                        status = http.send(java.net.http.HttpRequest.newBuilder(health).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = 0;
                    }
                }
                assertEquals(200, status, Files.readString(workDir.resolve("serve.log")));
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
            }
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
        assertEquals("", result.err().strip(), "nothing on stderr");
        assertTrue(result.out().startsWith("Incident:       INC-1 (new)"), result.out());
        assertTrue(Files.isRegularFile(workDir.resolve("data").resolve("dataops.db")), "recorded in ./data by default");
    }
}
