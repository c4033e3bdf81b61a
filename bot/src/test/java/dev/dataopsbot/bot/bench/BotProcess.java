package dev.dataopsbot.bot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.server.HealthProbe;

/**
 * {@code java <options> -jar dataops-bot.jar serve} as a child process with its Slack settings in
 * the environment and its output in a file, so a failed start can be shown and its memory read
 * from {@code /proc}. Public for the jar-level tests outside this package.
 */
public final class BotProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int port;

    private BotProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the server on a free port; {@code env} holds the Slack settings, PORT is added. Inherited
     * {@code SLACK_*} and {@code DATAOPS_*} variables are dropped so a developer's real app token
     * cannot switch the server to Socket Mode or to another data folder.
     */
    public static BotProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, Path output) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DATAOPS_"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        return new BotProcess(builder.start(), output, port);
    }

    public URI endpoint(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Polls {@code /healthz} until it answers 200; false if the process dies or {@code timeout} passes. */
    public boolean awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        return HealthProbe.awaitHealthy(http, endpoint("/healthz"), timeout, process::isAlive);
    }

    /** Everything the server printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    public String exitDescription() {
        return process.isAlive() ? "still running" : "exited with code " + process.exitValue();
    }

    /** Stops the process without waiting: for a shutdown hook when the harness itself is interrupted. */
    void kill() {
        process.destroyForcibly();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    public void killAndWait() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns how long the process took to exit (it fails after 60 s). */
    public Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within 60 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits up to {@code timeout} for the process to exit on its own; true when it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
