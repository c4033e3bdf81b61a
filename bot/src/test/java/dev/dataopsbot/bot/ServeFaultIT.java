package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The faults of issue 11 against the real {@code serve} jar (documented flags, {@code -Xmx128m})
 * and the fake Slack: killed or stopped in an alert storm, a Slack outage, a hung channel.
 */
class ServeFaultIT {

    private static final String HOOK_CHANNEL = "CHOOK";
    private static final List<String> ALERT_CHANNELS = List.of("CA1", "CA2", "CA3", "CA4", "CA5", "CA6", "CA7", "CA8",
            "CA9", "CA10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Map<String, String> env() {
        return Map.of("DATAOPS_ALERT_CHANNELS", HOOK_CHANNEL + "," + String.join(",", ALERT_CHANNELS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kill -9", "SIGTERM"})
    void stopped_4_s_into_a_storm_every_acknowledged_alert_is_posted_exactly_once_after_a_restart(String how)
            throws Exception {
        Path data = workDir.resolve("data");
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Set<Integer> hooksAcked = ConcurrentHashMap.newKeySet();
            Set<String> alertsAcked = ConcurrentHashMap.newKeySet();
            try (BotProcess serve = ServeProcess.startReady(slack, workDir, data, "first.log", env())) {
                ExecutorService senders = Executors.newFixedThreadPool(16);
                long start = System.nanoTime();
                List<Future<?>> sent = new ArrayList<>();
                for (int n = 0; n < 300; n++) {
                    int i = n;
                    sent.add(senders.submit(() -> {
                        if (i % 3 == 2) {
                            String ts = channelAlertTs(i);
                            if (event(serve, ALERT_CHANNELS.get(i % ALERT_CHANNELS.size()), ts, i) == 200) {
                                alertsAcked.add(ts);
                            }
                        } else if (webhook(serve, AlertmanagerPayloads.firing(i)) == 200) {
                            hooksAcked.add(i);
                        }
                        return null;
                    }));
                }
                Thread.sleep(Math.max(0, 4000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
                if (how.equals("kill -9")) {
                    serve.killAndWait();
                } else {
                    Duration took = serve.terminate();
                    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "SIGTERM drain took " + took);
                }
                senders.shutdownNow();
                senders.awaitTermination(30, TimeUnit.SECONDS);
            }
            assertTrue(hooksAcked.size() > 20 && alertsAcked.size() > 10,
                    "a storm was acknowledged: " + hooksAcked.size() + " webhook, " + alertsAcked.size() + " channel alerts");
            if (how.equals("kill -9")) {
                int owedAtStop = count(data, "SELECT count(*) FROM pending_reply");
                assertTrue(owedAtStop > 0, "replies were still owed when serve was killed, so the restart has work to do");
            }

            try (BotProcess serve = ServeProcess.startReady(slack, workDir, data, "second.log", env())) {
                awaitNoneOwed(data, serve, Duration.ofSeconds(120));
                serve.terminate();
            }

            for (String ts : alertsAcked) {
                long replies = slack.posted().stream().filter(p -> ts.equals(p.threadTs())).count();
                assertEquals(1, replies, "one thread reply for the channel alert at " + ts);
            }
            Map<String, Long> fingerprintToIncident = incidentsByFingerprint(data);
            Map<String, Integer> mentions = new HashMap<>();
            slack.posted().stream().filter(p -> HOOK_CHANNEL.equals(p.channel()) && p.metadata() != null)
                    .forEach(p -> List.of(p.metadata().path("event_payload").path("incidents").asText().split(","))
                            .forEach(key -> mentions.merge(key, 1, Integer::sum)));
            for (int n : hooksAcked) {
                String fingerprint = fingerprintOf(AlertmanagerPayloads.firing(n));
                Long incident = fingerprintToIncident.get(fingerprint);
                assertTrue(incident != null, "the acknowledged webhook alert " + n + " was stored");
                assertEquals(1, mentions.getOrDefault("INC-" + incident, 0),
                        "INC-" + incident + " (webhook alert " + n + ") is posted exactly once, alone or in a digest");
            }
            assertEquals("ok", quickCheck(data, "PRAGMA integrity_check"));
        }
    }

    @Test
    void a_slack_outage_of_429_then_500_then_hang_loses_and_duplicates_no_reply_and_every_ack_is_under_3_s()
            throws Exception {
        Path data = workDir.resolve("data");
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.startReady(slack, workDir, data, "serve.log", env())) {
            String warm = channelAlertTs(999);
            assertEquals(200, event(serve, ALERT_CHANNELS.get(0), warm, 999), "before the outage");
            slack.await("chat.postMessage", call -> warm.equals(call.param("thread_ts")));
            slack.outage(List.of(new FakeSlackApi.Phase(429, Duration.ofSeconds(15)),
                    new FakeSlackApi.Phase(500, Duration.ofSeconds(15)), new FakeSlackApi.Phase(0, Duration.ofSeconds(30))));
            List<String> alerts = new ArrayList<>();
            long slowest = 0;
            for (int n = 0; n < 59; n++) {
                String ts = channelAlertTs(n);
                long start = System.nanoTime();
                int status = event(serve, ALERT_CHANNELS.get(n % ALERT_CHANNELS.size()), ts, n);
                if (status != 200) {
                    throw new AssertionError("alert " + n + " answered " + status + "\n" + serve.output());
                }
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                alerts.add(ts);
                Thread.sleep(900);
            }
            assertTrue(slowest < 3000, "slowest ack " + slowest + " ms");
            awaitNoneOwed(data, serve, Duration.ofSeconds(120));
            for (String ts : alerts) {
                List<FakeSlackApi.Posted> replies = slack.posted().stream().filter(p -> ts.equals(p.threadTs())).toList();
                if (replies.size() != 1) {
                    throw new AssertionError("exactly one reply for the alert at " + ts + ", got " + replies + "\n"
                            + serve.output().lines().filter(line -> !line.contains("try ")).collect(Collectors.joining("\n")));
                }
            }
        }
    }

    @Test
    void posts_hanging_in_four_channels_do_not_delay_a_fifth_by_more_than_a_second() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess serve = ServeProcess.startReady(slack, workDir, workDir.resolve("data"), "serve.log", env())) {
            for (int c = 0; c < 4; c++) {
                slack.holdChannel(ALERT_CHANNELS.get(c));
                for (int n = 0; n < 3; n++) {
                    assertEquals(200, event(serve, ALERT_CHANNELS.get(c), channelAlertTs(c * 10 + n), c * 10 + n));
                }
            }
            Thread.sleep(1500);  // the hung posts are in flight
            for (int n = 0; n < 5; n++) {
                String ts = channelAlertTs(100 + n);
                long start = System.nanoTime();
                assertEquals(200, event(serve, ALERT_CHANNELS.get(4 + n), ts, 100 + n));
                slack.await("chat.postMessage", call -> ts.equals(call.param("thread_ts")));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 1000, "reply in a healthy channel took " + millis + " ms");
            }
        }
    }

    private static String channelAlertTs(int n) {
        return (1_700_000_000L + n) + ".000100";
    }

    private int event(BotProcess serve, String channel, String ts, int n) {
        String text = ":red_circle: Task Failed.\n*Dag*: storm_" + n + "_daily\n*Task*: load_orders_" + n + "\n*Error*: "
                + "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.";
        try {
            return http.send(ServeProcess.channelAlert(serve, "Ev" + channel + ts, channel, ts, text),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private int webhook(BotProcess serve, String body) {
        try {
            return http.send(ServeProcess.alertmanager(serve, body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String fingerprintOf(String notification) throws Exception {
        return "alertmanager:" + JSON.readTree(notification).path("alerts").get(0).path("fingerprint").asText();
    }

    private static Map<String, Long> incidentsByFingerprint(Path data) throws Exception {
        Map<String, Long> incidents = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, fingerprint FROM incident")) {
            while (rs.next()) {
                incidents.put(rs.getString(2), rs.getLong(1));
            }
        }
        return incidents;
    }

    private static int count(Path data, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String quickCheck(Path data, String pragma) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }

    private void awaitNoneOwed(Path data, BotProcess serve, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int owed;
        while ((owed = count(data, "SELECT count(*) FROM pending_reply")) > 0) {
            assertTrue(serve.alive(), "serve died:\n" + serve.output());
            if (System.nanoTime() > deadline) {
                throw new AssertionError(owed + " replies still owed after " + limit.toSeconds() + " s:\n" + serve.output());
            }
            Thread.sleep(250);
        }
    }
}
