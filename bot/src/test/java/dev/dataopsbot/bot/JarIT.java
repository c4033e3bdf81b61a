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
