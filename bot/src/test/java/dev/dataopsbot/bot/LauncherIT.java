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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dataops-bot} as users run it: the first run writes its class-data archive, later runs
 * use it, and the answers are the jar's, byte for byte.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "dataops-bot").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "dataops-bot.jar").toAbsolutePath();
    private static final String ALERT = "ERROR: deadlock detected\nDETAIL: Process 4242 waits for ShareLock on transaction 998\n";

    @TempDir
    Path workDir;

    private record Result(int code, String out, String err) {
    }

    private Result run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path in = workDir.resolve("alert.txt");
        Files.writeString(in, ALERT);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DATAOPS_CDS_DIR", workDir.resolve("cds").toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "did not finish: " + command);
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(env, command);
    }

    private List<Path> archives() throws IOException {
        Path dir = workDir.resolve("cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void the_first_run_writes_the_archive_later_runs_use_it_and_the_answers_are_the_jars() throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "triage", "--dry-run", "--json", "-");
        Result expected = run(Map.of(), java);
        assertEquals(0, expected.code(), expected.err());

        Result first = launcher(Map.of("DATAOPS_BOT_JAR", JAR.toString()), "triage", "--dry-run", "--json", "-");
        assertEquals(0, first.code(), first.err());
        assertEquals(expected.out(), first.out(), "no JVM or CDS message in the output");
        List<Path> archives = archives();
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("dataops-bot-\\d+\\.jsa"), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 1_000_000, "an archive of the triage classes");

        Result second = launcher(Map.of("DATAOPS_BOT_JAR", JAR.toString(), "JAVA_OPTS", "-Xshare:on"), "triage", "--dry-run", "--json", "-");
        assertEquals(0, second.code(), "-Xshare:on fails unless the archive maps: " + second.err() + second.out());
        assertEquals(expected.out(), second.out());
        assertEquals(archives, archives(), "no second archive");
    }

    @Test
    void without_the_archive_and_with_a_missing_jar() throws Exception {
        Result off = launcher(Map.of("DATAOPS_BOT_JAR", JAR.toString(), "DATAOPS_CDS", "off"), "--version");
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().startsWith("dataops-bot "), off.out());
        assertEquals(List.of(), archives());

        Result missing = launcher(Map.of("DATAOPS_BOT_JAR", workDir.resolve("nope.jar").toString()), "--version");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.jar is missing; build it with: mvn -B -q package -DskipTests"), missing.err());
    }
}
