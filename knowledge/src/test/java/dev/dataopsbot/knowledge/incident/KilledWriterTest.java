package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL in the middle of a burst of appends. */
class KilledWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int KILLS = 3;
    private static final int NOTES_BEFORE_KILL = 150;

    @TempDir
    Path temp;

    @Test
    void a_killed_writer_leaves_a_database_that_passes_integrity_check_and_holds_every_reported_note()
            throws Exception {
        IncidentKey key;
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            key = new IncidentStore(db, Clock.systemUTC()).record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        }
        List<String> labels = new ArrayList<>();
        List<Set<Integer>> reported = new ArrayList<>();
        for (int run = 1; run <= KILLS; run++) {
            String label = "run" + run;
            labels.add(label);
            Set<Integer> ok = new TreeSet<>();
            try (WorkerProcess writer = WorkerProcess.start(temp, temp.resolve(label + ".err"),
                    "notes", key.toString(), label, "0")) {
                while (ok.size() < NOTES_BEFORE_KILL) {
                    ok.add(okNumber(writer.nextLine(WAIT)));
                }
                writer.kill(WAIT).forEach(line -> ok.add(okNumber(line)));
            }
            reported.add(ok);
        }

        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            assertEquals(List.of("ok"), integrityCheck(db));
            List<TimelineEvent> timeline = new IncidentStore(db, Clock.systemUTC()).timeline(key);
            for (int run = 0; run < KILLS; run++) {
                String label = labels.get(run);
                Set<Integer> stored = new TreeSet<>();
                timeline.stream().filter(e -> e.actor().equals(label))
                        .forEach(e -> stored.add(Integer.parseInt(e.text().substring(label.length() + 1))));
                Set<Integer> ok = reported.get(run);
                assertEquals(numbers(ok.size()), ok, label + " reports each note once, in order");
                assertTrue(stored.equals(ok) || stored.equals(numbers(ok.size() + 1)), label + ": reported "
                        + ok.size() + " notes, stored " + stored.size() + " (at most the one being written when it "
                        + "was killed may be stored unreported)");
            }
        }
    }

    private static Set<Integer> numbers(int last) {
        return IntStream.rangeClosed(1, last).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static int okNumber(String line) {
        assertTrue(line.startsWith("ok "), line);
        return Integer.parseInt(line.substring(3));
    }

    private static List<String> integrityCheck(IncidentDatabase db) {
        return db.read("checking", c -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }
}
