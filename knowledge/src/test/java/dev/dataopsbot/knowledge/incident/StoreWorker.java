package dev.dataopsbot.knowledge.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The other process in the reliability tests (started by {@link WorkerProcess}): opens the
 * store in a data folder and records, appends or holds the write lock, printing one flushed line
 * per step so that the test can follow it, and kill it. A closed stdin ends it.
 *
 * <pre>
 * StoreWorker DATA_DIR record LABEL N      prints "ready", waits for "go", then N times: records the same
 *                                          alert and notes "LABEL i" on its incident; prints
 *                                          "ok i INC-k OUTCOME alertCount" after each
 * StoreWorker DATA_DIR notes KEY LABEL N   appends notes "LABEL 1".."LABEL N" (N = 0: until killed),
 *                                          printing "ok i" after each
 * StoreWorker DATA_DIR lock SECONDS        holds BEGIN EXCLUSIVE, prints "locked", and releases it
 *                                          on a line on stdin or after SECONDS
 * </pre>
 */
final class StoreWorker {

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (IncidentDatabase db = IncidentDatabase.open(Path.of(args[0]))) {
            switch (args[1]) {
                case "record" -> record(db, args[2], Integer.parseInt(args[3]), in, out);
                case "notes" -> notes(db, IncidentKey.parse(args[2]), args[3], Integer.parseInt(args[4]), out);
                case "lock" -> lock(db, Integer.parseInt(args[2]), in, out);
                default -> throw new IllegalArgumentException("unknown mode " + args[1]);
            }
        }
    }

    private static void record(IncidentDatabase db, String label, int rounds, BufferedReader in, PrintStream out)
            throws IOException {
        IncidentStore store = new IncidentStore(db, Clock.systemUTC());
        IncidentLifecycle lifecycle = new IncidentLifecycle(db, Clock.systemUTC(), text -> text);
        say(out, "ready");
        if (!"go".equals(in.readLine())) {
            return;
        }
        for (int i = 1; i <= rounds; i++) {
            Recorded recorded = store.record(Alerts.expiredToken("orders_daily", "load_orders"));
            lifecycle.note(recorded.key(), label + " " + i, false, label);
            say(out, "ok " + i + " " + recorded.key() + " " + recorded.outcome() + " " + recorded.alertCount());
        }
    }

    private static void notes(IncidentDatabase db, IncidentKey key, String label, int count, PrintStream out) {
        IncidentLifecycle lifecycle = new IncidentLifecycle(db, Clock.systemUTC(), text -> text);
        for (int i = 1; count == 0 || i <= count; i++) {
            lifecycle.note(key, label + " " + i, false, label);
            say(out, "ok " + i);
        }
    }

    private static void lock(IncidentDatabase db, int seconds, BufferedReader in, PrintStream out) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                in.readLine();
            } catch (IOException ignored) {
                // a closed stdin releases the lock as well
            }
            release.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        try (Statement statement = db.connection().createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            say(out, "locked");
            release.await(seconds, TimeUnit.SECONDS);
            statement.execute("ROLLBACK");
        }
        say(out, "released");
    }

    private static void say(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
