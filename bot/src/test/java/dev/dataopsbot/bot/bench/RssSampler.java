package dev.dataopsbot.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's resident set size ({@code VmRSS}) from {@code /proc/<pid>/status} every 100 ms
 * and keeps the peak since the last {@link #resetPeak}; {@code VmHWM} is the kernel's own peak
 * over the whole life of the process, start-up included. Sizes are in bytes.
 */
final class RssSampler implements AutoCloseable {

    private final Path status;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long peak;
    private volatile long last;

    RssSampler(long pid) {
        this.status = Path.of("/proc", String.valueOf(pid), "status");
    }

    /** Whether this system exposes {@code /proc/<pid>/status} (Linux). */
    boolean available() {
        return Files.isReadable(status);
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    synchronized void resetPeak() {
        peak = last;
    }

    long peak() {
        return peak;
    }

    /** A fresh reading of VmRSS, or the last one if the process is gone. */
    long current() {
        sample();
        return last;
    }

    long highWaterMark() {
        return field("VmHWM:");
    }

    private synchronized void sample() {
        long rss = field("VmRSS:");
        if (rss > 0) {
            last = rss;
            peak = Math.max(peak, rss);
        }
    }

    /** A {@code kB} line of the status file in bytes, or 0 when the process has exited. */
    private long field(String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process exited between two samples
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
