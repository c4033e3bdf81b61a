package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken storage under the real jar: a damaged database is refused before any write (CLI and
 * {@code serve}), a database locked by another process gets fast 503s, and {@code /healthz}
 * tells the truth about a locked, read-only ({@code chattr +i}) or full (a small tmpfs) store
 * and recovers with it. Faults are injected as root, as CI runs.
 */
class ServeStorageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Result(int code, String out) {
    }

    private Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServeProcess.JAR.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("cli.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void a_damaged_database_is_refused_by_the_cli_and_by_serve_before_any_write() throws Exception {
        Path alert = workDir.resolve("alert.log");
        Files.writeString(alert, "psycopg2.errors.DeadlockDetected: deadlock detected\n");
        Path data = workDir.resolve("data");
        assertEquals(0, cli("triage", "--data-dir", data.toString(), alert.toString()).code());
        Path db = data.resolve("dataops.db");
        long root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'incident'")) {
                rs.next();
                root = rs.getLong(1);
            }
        }
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek((root - 1) * 4096);
            file.write(noise);
        }
        byte[] damaged = Files.readAllBytes(db);

        Result ack = cli("incident", "ack", "INC-1", "--by", "alice", "--data-dir", data.toString());
        assertEquals(1, ack.code(), ack.out());
        assertTrue(ack.out().contains(db.toString()) && ack.out().contains("integrity check")
                && ack.out().contains("db backup"), ack.out());

        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.start(slack, workDir, data, "serve.log", Map.of())) {
            assertTrue(serve.awaitExit(Duration.ofSeconds(60)), "serve refuses to start");
            assertNotEquals(0, serve.exitCode());
            String log = serve.output();
            assertTrue(log.contains(db.toString()) && log.contains("integrity check") && log.contains("db backup"), log);
            assertFalse(log.contains("serving on port"), log);
        }
        assertArrayEquals(damaged, Files.readAllBytes(db), "nothing was written into the damaged file");
    }

    @Test
    void while_another_process_holds_the_lock_events_and_webhooks_get_fast_503s_and_healthz_says_why() throws Exception {
        Path data = workDir.resolve("data");
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.startReady(slack, workDir, data, "serve.log",
                     Map.of("DATAOPS_ALERT_CHANNELS", "C1"))) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                long start = System.nanoTime();
                HttpResponse<String> event = event(serve, "Ev1");
                long eventMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(503, event.statusCode(), event.body());
                assertTrue(eventMillis < 3000, "event answered in " + eventMillis + " ms");
                assertFalse(event.body().contains(data.toString()), event.body());

                start = System.nanoTime();
                HttpResponse<String> hook = webhook(serve);
                long hookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(503, hook.statusCode(), hook.body());
                assertTrue(hookMillis < 5000, "webhook answered in " + hookMillis + " ms");
                assertFalse(hook.body().contains(data.toString()), "no server path: " + hook.body());

                HttpResponse<String> health = awaitHealth(serve, 503);
                assertTrue(health.body().contains("locked by another process"), health.body());
                assertFalse(health.body().contains(data.toString()), health.body());
                lock.execute("ROLLBACK");
            }
            awaitHealth(serve, 200);
            assertEquals(200, event(serve, "Ev1").statusCode(), "Slack's retry is stored once the lock is gone");
            slack.await("chat.postMessage", call -> "1700000100.000100".equals(call.param("thread_ts")));
        }
    }

    @Test
    void healthz_is_503_while_the_database_file_is_read_only_and_200_again_after() throws Exception {
        Path data = workDir.resolve("data");
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.startReady(slack, workDir, data, "serve.log", Map.of())) {
            List<Path> files = List.of(data.resolve("dataops.db"), data.resolve("dataops.db-wal"));
            try {
                for (Path file : files) {
                    run("chattr", "+i", file.toString());
                }
                HttpResponse<String> health = awaitHealth(serve, 503);
                assertTrue(health.body().contains("\"status\":\"unavailable\""), health.body());
                assertEquals(503, webhook(serve).statusCode(), "nothing acknowledged that cannot be stored");
            } finally {
                for (Path file : files) {
                    run("chattr", "-i", file.toString());
                }
            }
            awaitHealth(serve, 200);
            assertEquals(200, webhook(serve).statusCode());
        }
    }

    @Test
    void healthz_is_503_while_the_disk_is_full_and_200_again_after() throws Exception {
        Path mount = Files.createDirectories(workDir.resolve("small-disk"));
        run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount.toString());
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.startReady(slack, workDir, mount.resolve("data"), "serve.log",
                     Map.of("DATAOPS_MIN_FREE_MB", "16"))) {
            Path filler = mount.resolve("filler");
            long free = Files.getFileStore(mount).getUsableSpace();
            try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
                byte[] block = new byte[1 << 20];
                for (long written = 0; written < free - (4L << 20); written += block.length) {
                    file.write(block);
                }
            }
            HttpResponse<String> health = awaitHealth(serve, 503);
            assertTrue(health.body().contains("disk is nearly full"), health.body());
            Files.delete(filler);
            awaitHealth(serve, 200);
            assertEquals(200, webhook(serve).statusCode());
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed (these fault injections need root, as CI has): " + out);
    }

    private HttpResponse<String> awaitHealth(BotProcess serve, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(serve.endpoint("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() == status) {
                JSON.readTree(health.body());
                return health;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/healthz stayed " + health.statusCode() + " " + health.body());
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> event(BotProcess serve, String eventId) throws Exception {
        return http.send(ServeProcess.channelAlert(serve, eventId, "C1", "1700000100.000100", "Task failed. "
                + "dag_id=orders_daily, task_id=load_orders. snowflake.connector.errors.ProgrammingError: 390114 (08001): "
                + "Authentication token has expired."), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook(BotProcess serve) throws Exception {
        return http.send(ServeProcess.alertmanager(serve, AlertmanagerPayloads.firing((int) (System.nanoTime() % 100_000))),
                HttpResponse.BodyHandlers.ofString());
    }
}
