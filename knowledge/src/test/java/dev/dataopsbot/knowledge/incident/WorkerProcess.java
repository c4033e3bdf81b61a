package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StoreWorker} running in its own JVM, with every wait bounded so that a broken test
 * fails instead of hanging. Closing it kills the process if it is still running.
 */
final class WorkerProcess implements AutoCloseable {

    private static final String END = "\0end";

    private final Process process;
    private final Path errors;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private WorkerProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "worker-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code StoreWorker dataDir args...}; its stderr goes to {@code errors}. */
    static WorkerProcess start(Path dataDir, Path errors, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreWorker.class.getName(), dataDir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new WorkerProcess(process, errors);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed; what it printed before is in the queue
        } finally {
            lines.add(END);
        }
    }

    /** The next line the worker prints; fails the test if none comes within {@code timeout}. */
    String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail("worker printed nothing for " + timeout.toMillis() + " ms" + stderr());
        }
        if (line.equals(END)) {
            lines.add(END);
            fail("worker ended" + stderr());
        }
        return line;
    }

    /** Waits for {@code expected}; fails on any other line. */
    void expect(String expected, Duration timeout) throws InterruptedException {
        String line = nextLine(timeout);
        if (!line.equals(expected)) {
            fail("worker printed '" + line + "', expected '" + expected + "'" + stderr());
        }
    }

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Waits for the worker to exit by itself and returns every line it printed that was not read yet. */
    List<String> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("worker still running after " + timeout.toMillis() + " ms" + stderr());
        }
        if (process.exitValue() != 0) {
            fail("worker exited with " + process.exitValue() + stderr());
        }
        return rest(timeout);
    }

    /** Kills the worker with SIGKILL and returns the lines it printed before that and were not read yet. */
    List<String> kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("worker survived SIGKILL for " + timeout.toMillis() + " ms");
        }
        return rest(timeout);
    }

    private List<String> rest(Duration timeout) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        for (String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS); line != null && !line.equals(END);
             line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            rest.add(line);
        }
        return rest;
    }

    private String stderr() {
        try {
            String text = Files.exists(errors) ? Files.readString(errors) : "";
            return text.isBlank() ? "" : "; its stderr:\n" + text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone
        }
    }
}
