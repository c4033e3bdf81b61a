package dev.dataopsbot.bot.cli;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what {@code serve} opened, last opened first (the HTTP server, so no request is taken
 * any more, then the Slack app's drain, then the database), exactly once: from the shutdown hook
 * on SIGTERM or Ctrl-C, or when the server stops by itself. A second caller waits for the first.
 */
final class GracefulStop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean done;

    synchronized void add(AutoCloseable resource) {
        opened.push(resource);
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!opened.isEmpty()) {
            AutoCloseable next = opened.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.error("stopping: {}", e.getMessage());
            }
        }
    }
}
