package dev.dataopsbot.bot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every benchmark of {@code serve} does around its measurement: find the repository and the
 * jar ({@code bench.jar}), start {@code serve} as its own process with {@code bench.jvmOpts} in a
 * temporary folder that is removed afterwards, wait until it is ready or print why it is not,
 * sample its RSS, kill it if the harness exits, and fail the run when it died while measured.
 */
final class ServedBenchmark {

    /** The measurement proper, against a ready server; returns the exit code. */
    @FunctionalInterface
    interface Measurement {
        int measure(BotProcess bot, RssSampler rss) throws Exception;
    }

    /** A whole benchmark run in a temporary folder; returns the exit code. */
    @FunctionalInterface
    interface Run {
        int run(ServedBenchmark bench, Path work) throws Exception;
    }

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Exit codes of {@link #serve} itself; a measurement returns 0 for a run that finished. */
    static final int NOT_READY = 1;
    static final int NOT_BUILT = 2;
    static final int DIED = 3;

    final Path root = repositoryRoot();
    final Path jar = root.resolve(System.getProperty("bench.jar", "bot/target/dataops-bot.jar"));
    final List<String> jvmOptions = Arrays.stream(System.getProperty("bench.jvmOpts", "").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    private ServedBenchmark() {
    }

    /** Runs {@code run} in a temporary folder named after {@code prefix}; exits the JVM with its code when not 0. */
    static void main(String prefix, Run run) throws Exception {
        Path work = Files.createTempDirectory(prefix);
        int exitCode;
        try {
            exitCode = run.run(new ServedBenchmark(), work);
        } finally {
            delete(work);
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Starts {@code serve} with {@code env}, its output in {@code work/serve.log}, and measures it once ready.
     *
     * @return {@link #NOT_BUILT}, {@link #NOT_READY}, {@link #DIED} during the measurement, else the
     *         measurement's code
     */
    int serve(Path work, Map<String, String> env, HttpClient http, Measurement measurement) throws Exception {
        if (!Files.isRegularFile(jar)) {
            System.err.println("bench: " + jar + " is missing; build it with: mvn -B -q -o install -DskipTests");
            return NOT_BUILT;
        }
        long started = System.nanoTime();
        BotProcess bot = BotProcess.start(jar, jvmOptions, env, work.resolve("serve.log"));
        Thread killOnExit = new Thread(bot::kill, "kill-serve");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try (bot; RssSampler rss = new RssSampler(bot.pid())) {
            rss.start();
            if (!bot.awaitReady(http, READY_TIMEOUT)) {
                System.err.printf(Locale.ROOT, "bench: serve %s before /healthz answered 200; its output:%n%s%n",
                        bot.alive() ? "was not ready within " + READY_TIMEOUT.toSeconds() + " s" : bot.exitDescription(),
                        bot.output());
                return NOT_READY;
            }
            System.out.printf(Locale.ROOT, "serve ready in %.1f s (pid %d, JVM options: %s), RSS %s%n",
                    (System.nanoTime() - started) / 1e9, bot.pid(),
                    jvmOptions.isEmpty() ? "none, the JVM's defaults as users get them" : String.join(" ", jvmOptions),
                    rss.available() ? mb(rss.current()) : "not readable (no /proc)");
            int exit = measurement.measure(bot, rss);
            if (!bot.alive()) {
                System.err.printf("bench: serve stopped during the run (%s); its output:%n%s%n", bot.exitDescription(),
                        bot.output());
                return DIED;
            }
            return exit;
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    /** The machine's load while measuring, for the reader to judge the numbers. */
    static void printMachine() {
        System.out.printf(Locale.ROOT, "machine: load average %.1f on %d CPUs, load generator and fake Slack in this JVM%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** MB as 10^6 bytes, rounded. */
    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** One line of at most 200 characters of a response, for the log. */
    static String excerpt(String text) {
        if (text == null) {
            return "(none)";
        }
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** The folder holding {@code bot/} and {@code examples/}: the working directory or one above it. */
    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("bot")) && Files.isDirectory(candidate.resolve("examples"))) {
                return candidate;
            }
        }
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
