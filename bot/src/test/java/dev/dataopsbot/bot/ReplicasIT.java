package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.knowledge.testdb.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} replicas of the real jar share one PostgreSQL store (each with its own data
 * folder for its local indexes) and one fake Slack: an HA Alertmanager pair sends every
 * notification to both and Slack delivers every channel event to both, yet each alert opens one
 * incident and is answered once; a replica killed with {@code kill -9} while Slack is down leaves
 * its owed replies to the other, which posts them once its claims lapse.
 */
class ReplicasIT {

    private static final String HOOK_CHANNEL = "CHOOK";
    private static final String ALERT_CHANNEL = "CALERTS";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pw-must-never-show-7c1d";

    @TempDir
    Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void two_replicas_answer_every_alert_once_and_the_survivor_posts_what_a_killed_one_owed() throws Exception {
        // the test server trusts loopback, so a password in the URL is not needed to connect: it is there to be looked for
        String url = TestPostgres.freshDatabase().replaceFirst("://([^:@/]+)@", "://$1:" + PASSWORD + "@");
        assertTrue(url.contains(PASSWORD), url.replace(PASSWORD, "***"));
        Map<String, String> env = Map.of("DATAOPS_DATABASE_URL", url, "DATAOPS_ALERT_CHANNELS", HOOK_CHANNEL + "," + ALERT_CHANNEL);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (FakeSlackApi slack = new FakeSlackApi();
             BotProcess a = ServeProcess.startReady(slack, workDir, workDir.resolve("data-a"), "a.log", env);
             BotProcess b = ServeProcess.startReady(slack, workDir, workDir.resolve("data-b"), "b.log", env)) {

            // 100 Alertmanager notifications, each sent to both replicas at once
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                String notification = AlertmanagerPayloads.firing(n);
                answers.add(senders.submit(() -> webhook(a, notification)));
                answers.add(senders.submit(() -> webhook(b, notification)));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS), "every delivery is acknowledged by both");
            }
            Map<String, Integer> mentions = awaitMentions(slack, 100, Duration.ofSeconds(90));
            assertEquals(100, mentions.size(), "100 incidents were posted: " + mentions.keySet());
            mentions.forEach((incident, times) -> assertEquals(1, times, incident + " is posted exactly once"));
            assertEquals(100, incidents(url).size(), "100 incidents, not 200");

            // 30 channel alert events, each delivered to both replicas
            List<String> threads = new ArrayList<>();
            List<Future<Integer>> acks = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                String ts = "1700000100." + String.format("%06d", n);
                threads.add(ts);
                int i = n;
                acks.add(senders.submit(() -> event(a, ts, i)));
                acks.add(senders.submit(() -> event(b, ts, i)));
            }
            for (Future<Integer> ack : acks) {
                assertEquals(200, ack.get(30, TimeUnit.SECONDS));
            }
            awaitThreadReplies(slack, threads, Duration.ofSeconds(60));

            // Slack goes down; 60 more alerts reach replica A only, which acknowledges them and is killed
            slack.outage(List.of(new FakeSlackApi.Phase(500, Duration.ofSeconds(20))));
            for (int n = 100; n < 160; n++) {
                assertEquals(200, webhook(a, AlertmanagerPayloads.firing(n)), "A acknowledges alert " + n);
            }
            a.killAndWait();
            long killed = System.nanoTime();
            Map<String, Integer> all = awaitMentions(slack, 160, Duration.ofSeconds(90));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            System.out.println("[replicas] B had posted every reply A owed " + seconds + " s after A was killed "
                    + "(the wait includes 3 s watching for duplicates)");
            assertEquals(160, all.size(), "B posted every reply A owed, within 90 s of the kill (" + seconds + " s):\n"
                    + b.output());
            all.forEach((incident, times) -> assertEquals(1, times, incident + " is posted exactly once"));
            for (String ts : threads) {
                assertEquals(1, slack.posted().stream().filter(p -> ts.equals(p.threadTs())).count(),
                        "one thread reply for the channel alert at " + ts);
            }

            Map<String, JsonNode> viaB = incidents(url);
            assertEquals(190, viaB.size(), "the same 190 incidents through the shared store (160 webhook, 30 channel)");
            assertTrue(b.alive(), "B kept serving:\n" + b.output());

            String metrics = http.send(java.net.http.HttpRequest.newBuilder(b.endpoint("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String health = http.send(java.net.http.HttpRequest.newBuilder(b.endpoint("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String seen : List.of(a.output(), b.output(), metrics, health, Files.readString(workDir.resolve("incidents.err")))) {
                assertTrue(!seen.contains(PASSWORD), "the database password shows:\n" + seen);
            }
            assertTrue(health.contains("\"database\":\"ok\""), health);
        } finally {
            senders.shutdownNow();
        }
    }

    private int webhook(BotProcess serve, String body) {
        try {
            return http.send(ServeProcess.alertmanager(serve, body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private int event(BotProcess serve, String ts, int n) {
        String text = ":red_circle: Task Failed.\n*Dag*: replica_" + n + "_daily\n*Task*: load_orders_" + n + "\n*Error*: "
                + "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.";
        try {
            return http.send(ServeProcess.channelAlert(serve, "Ev" + ts, ALERT_CHANNEL, ts, text),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Incident keys mentioned by the messages in the webhook channel, alone or in a digest, and how often. */
    private static Map<String, Integer> mentions(FakeSlackApi slack) {
        Map<String, Integer> mentions = new HashMap<>();
        slack.posted().stream().filter(p -> HOOK_CHANNEL.equals(p.channel()) && p.metadata() != null)
                .forEach(p -> List.of(p.metadata().path("event_payload").path("incidents").asText().split(","))
                        .stream().filter(key -> !key.isBlank()).forEach(key -> mentions.merge(key, 1, Integer::sum)));
        return mentions;
    }

    private static Map<String, Integer> awaitMentions(FakeSlackApi slack, int incidents, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (mentions(slack).size() < incidents && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(3_000);  // a duplicate would come now, if at all
        return mentions(slack);
    }

    private static void awaitThreadReplies(FakeSlackApi slack, List<String> threads, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && !threads.stream().allMatch(ts -> slack.posted().stream().anyMatch(p -> ts.equals(p.threadTs())))) {
            Thread.sleep(250);
        }
    }

    /** {@code incidents --json} through the jar with the same DATAOPS_DATABASE_URL, by key. */
    private Map<String, JsonNode> incidents(String url) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ServeProcess.JAR.toString(), "incidents", "--json", "--limit", "1000");
        Path out = workDir.resolve("incidents.json");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(workDir.resolve("incidents.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("DATAOPS_DATABASE_URL", url);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(workDir.resolve("incidents.err")));
        Map<String, JsonNode> byKey = new HashMap<>();
        JsonNode list = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        for (JsonNode incident : list.isArray() ? list : list.path("incidents")) {
            byKey.put(incident.path("key").asText(), incident);
        }
        return byKey;
    }
}
