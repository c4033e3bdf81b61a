package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.FakeSocketModeServer;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.server.HealthProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void serve_answers_health_metrics_and_signed_commands_once_ready() throws Exception {
        int port = freePort();
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port), "DATAOPS_DATA_DIR", dataDir.toString());
            Thread serving = new Thread(() -> Cli.run(env, new byte[0], "serve"), "serve");
            serving.start();
            try {
                awaitReady(port, serving);
                assertTrue(Files.exists(dataDir.resolve("dataops.db")), "the incident database is opened at start-up");
                HttpResponse<String> help = http.send(SignedRequests.slashCommand(
                        URI.create("http://127.0.0.1:" + port + "/slack/events"), "help", Instant.now(), SECRET),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, help.statusCode());
                assertTrue(help.body().contains("/dataops help"), help.body());
                assertEquals(200, statusOf(URI.create("http://127.0.0.1:" + port + "/metrics")));
            } finally {
                serving.interrupt();
                serving.join(Duration.ofSeconds(10).toMillis());
            }
        }
    }

    @Test
    void socket_mode_connects_acknowledges_envelopes_by_id_posts_replies_applies_a_retry_attempt_once_and_reconnects() throws Exception {
        int port = freePort();
        try (FakeSlackApi slack = new FakeSlackApi(); FakeSocketModeServer socket = new FakeSocketModeServer()) {
            slack.socketModeUrl(socket.url());
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_APP_TOKEN", "xapp-1-A1-test",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port), "DATAOPS_DATA_DIR", dataDir.toString());
            Thread serving = new Thread(() -> Cli.run(env, new byte[0], "serve"), "serve");
            serving.start();
            try {
                awaitReady(port, serving);
                socket.awaitConnection(1);
                assertEquals("Bearer xapp-1-A1-test", slack.await("apps.connections.open", call -> true).authorization());

                socket.send(slashEnvelope("e1", "help"));
                String helpAck = socket.await(message -> message.contains("\"e1\""));
                assertTrue(helpAck.contains("/dataops triage"), "the help text rides on the ack: " + helpAck);

                socket.send(slashEnvelope("e2", "triage ERROR - Task failed: botocore.exceptions.ClientError: "
                        + "An error occurred (ExpiredToken): The provided token has expired."));
                socket.await(message -> message.contains("\"e2\""));
                FakeSlackApi.Call posted = slack.await("chat.postMessage", call -> true);
                assertTrue(posted.param("text").contains("credential_expiry"), posted.param("text"));

                int status = http.send(SignedRequests.slashCommand(URI.create("http://127.0.0.1:" + port + "/slack/events"),
                        "help", Instant.now(), SECRET), HttpResponse.BodyHandlers.ofString()).statusCode();
                assertTrue(status == 404 || status == 405, "no HTTP endpoint for Slack in Socket Mode: " + status);

                for (int attempt = 0; attempt < 2; attempt++) {
                    socket.send(alertEnvelope("e-alert-" + attempt, attempt));
                    String envelopeId = "e-alert-" + attempt;
                    socket.await(message -> message.contains("\"" + envelopeId + "\""));
                }
                FakeSlackApi.Call threadReply = slack.await("chat.postMessage", call -> "1700000900.000100".equals(call.param("thread_ts")));
                assertTrue(threadReply.param("text").contains("credential_expiry"), threadReply.param("text"));
                Thread.sleep(500);
                assertEquals(1, slack.calls("chat.postMessage").stream()
                        .filter(call -> "1700000900.000100".equals(call.param("thread_ts"))).count(), "a retry_attempt is applied once");

                socket.dropConnections();
                socket.awaitConnection(2);
                socket.send(slashEnvelope("e3", "help"));
                socket.await(message -> message.contains("\"e3\""));
            } finally {
                serving.interrupt();
                serving.join(Duration.ofSeconds(10).toMillis());
            }
        }
    }

    @Test
    void serve_without_slack_settings_names_the_variable() {
        Cli.Run run = Cli.run(Map.of(), new byte[0], "serve");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("serve: SLACK_BOT_TOKEN is not set"), run.err());
    }

    @Test
    void serve_says_so_when_slack_cannot_be_reached() throws Exception {
        Cli.Run run = Cli.run(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test", "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", "http://127.0.0.1:" + freePort() + "/api/", "PORT", String.valueOf(freePort())), new byte[0], "serve");
        assertEquals(1, run.exitCode());
        assertTrue(run.problems().startsWith("serve: cannot check SLACK_BOT_TOKEN with auth.test at http://127.0.0.1:"), run.err());
        assertTrue(!run.err().contains("xoxb-1-2-test") && !run.err().contains("\tat "), run.err());
    }

    private void awaitReady(int port, Thread serving) throws InterruptedException {
        assertTrue(HealthProbe.awaitHealthy(http, URI.create("http://127.0.0.1:" + port + "/healthz"), Duration.ofSeconds(60),
                serving::isAlive), "ready within 60 s");
    }

    /** A slash command as Socket Mode delivers it: a JSON envelope, acknowledged by its envelope_id. */
    private static String slashEnvelope(String envelopeId, String text) {
        return "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"team_domain\":\"acme\",\"channel_id\":\"C1\","
                + "\"channel_name\":\"alerts\",\"user_id\":\"U1\",\"user_name\":\"alice\",\"command\":\"/dataops\","
                + "\"text\":" + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text) + ",\"api_app_id\":\"A1\","
                + "\"response_url\":\"http://127.0.0.1:1/response\",\"trigger_id\":\"1.2.3\"}}";
    }

    /** A channel alert as Socket Mode delivers it: an events_api envelope; retries keep the event_id. */
    private static String alertEnvelope(String envelopeId, int retryAttempt) {
        return "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":" + retryAttempt + ",\"retry_reason\":\"" + (retryAttempt > 0 ? "timeout" : "") + "\","
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"Ev-socket-1\",\"event_time\":1700000900,\"event\":{\"type\":\"message\","
                + "\"subtype\":\"bot_message\",\"bot_id\":\"BAIRFLOW\",\"username\":\"Airflow\",\"channel\":\"C1\","
                + "\"ts\":\"1700000900.000100\",\"text\":\"Task failed. dag_id=orders_daily, task_id=load_orders. "
                + "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.\"}}}";
    }

    private int statusOf(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
