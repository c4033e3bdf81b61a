package dev.dataopsbot.bot.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.incident.PastIncidentSearch;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.server.BotServer;
import dev.dataopsbot.bot.server.HealthReport;
import dev.dataopsbot.knowledge.incident.StorageHealth;
import dev.dataopsbot.bot.server.SlackEndpoint;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.MessageRef;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Slack app as {@code serve} runs it (Bolt on Jetty, real rules, runbook index and SQLite in
 * {@code dataDir}) on an ephemeral port, talking to a {@link FakeSlackApi}; sends requests signed
 * as Slack signs them.
 */
final class RunningBot implements AutoCloseable {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static TriageService sharedTriage;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    final FakeSlackApi slack;
    final IncidentKnowledge knowledge;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SlackBot bot;
    private final BotServer server;
    private int responses;

    RunningBot(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    RunningBot(Path dataDir, Map<String, String> env) throws Exception {
        this(dataDir, env, dev.dataopsbot.rules.routing.RoutingTable.none());
    }

    /** A bot whose triage routes with {@code routing}, as with {@code serve --routing FILE}. */
    RunningBot(Path dataDir, Map<String, String> env, dev.dataopsbot.rules.routing.RoutingTable routing) throws Exception {
        slack = new FakeSlackApi();
        knowledge = IncidentKnowledge.open(dataDir, Clock.systemUTC());
        java.util.Map<String, String> all = new java.util.HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-test",
                "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl()));
        all.putAll(env);
        SlackConfig config = SlackConfig.fromEnv(all);
        // a case library of its own: the team cases one test teaches must not reach another
        service = sharedTriage().withPastIncidents(new PastIncidentSearch(knowledge)).withCases(new CaseKnowledge(CaseLibrary.bundled()))
                .withRouting(routing);
        bot = SlackBot.start(config, service, knowledge,
                new BotMetrics(registry), Clock.systemUTC());
        StorageHealth storage = new StorageHealth(knowledge.database(), Clock.systemUTC(), 0);
        server = BotServer.start(0, bot.httpApp().map(app -> new SlackEndpoint(app, config.signingSecret().orElseThrow(),
                Clock.systemUTC())), config.webhookToken(), bot.alertmanager(), registry,
                () -> HealthReport.of(storage.status(), bot.owedReplies()));
    }

    private TriageService service;

    /** The triage service this bot answers with (its case library is this bot's own). */
    TriageService triage() {
        return service;
    }

    private static synchronized TriageService sharedTriage() {
        if (sharedTriage == null) {
            sharedTriage = TriageServiceFactory.create(BotConfig.fromEnv(Map.of()), warning -> { });
        }
        return sharedTriage;
    }

    /** {@code /dataops <text>} from U1 in C1; its response_url is {@code slack.responseUrl("r<n>")}. */
    HttpResponse<String> slash(String text) throws Exception {
        String responseUrl = slack.responseUrl("r" + (++responses));
        return send(SignedRequests.slashCommand(url("/slack/events"), text, responseUrl, Instant.now(), SIGNING_SECRET));
    }

    /** The path of the response_url of the last slash command. */
    String lastResponsePath() {
        return "/response/r" + responses;
    }

    /** A press of button {@code actionId} on the triage message of {@code key} at {@code messageTs} in C1, by {@code user}. */
    HttpResponse<String> press(String actionId, String key, String messageTs, String user, String selected) throws Exception {
        ObjectNode payload = json.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
                .put("token", "legacy").put("trigger_id", "9.9.9").put("response_url", slack.responseUrl("press"));
        payload.putObject("user").put("id", user).put("username", user.toLowerCase());
        payload.putObject("team").put("id", "T1").put("domain", "acme");
        payload.putObject("channel").put("id", "C1").put("name", "alerts");
        payload.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", "C1")
                .put("is_ephemeral", false);
        payload.putObject("message").put("type", "message").put("ts", messageTs).put("text", "triage");
        ObjectNode action = payload.putArray("actions").addObject().put("action_id", actionId)
                .put("block_id", "incident_actions:" + key).put("action_ts", "1700000000.1");
        if (selected == null) {
            action.put("type", "button").put("value", key);
        } else {
            action.put("type", "static_select").putObject("selected_option").put("value", selected)
                    .putObject("text").put("type", "plain_text").put("text", selected);
        }
        return send(SignedRequests.interaction(url("/slack/events"), payload.toString(), Instant.now(), SIGNING_SECRET));
    }

    /** A modal submission by {@code user}: {@code values} maps input ids to typed text or picked option. */
    HttpResponse<String> submit(String callbackId, String privateMetadata, String user, Map<String, String> values,
                                boolean selects) throws Exception {
        ObjectNode payload = json.createObjectNode().put("type", "view_submission").put("api_app_id", "A1")
                .put("token", "legacy").put("trigger_id", "9.9.9");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase());
        payload.putObject("team").put("id", "T1").put("domain", "acme");
        ObjectNode view = payload.putObject("view").put("id", "V1").put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", privateMetadata);
        ObjectNode state = view.putObject("state").putObject("values");
        values.forEach((id, value) -> {
            ObjectNode input = state.putObject(id).putObject(id);
            if (selects) {
                input.put("type", "static_select").putObject("selected_option").put("value", value)
                        .putObject("text").put("type", "plain_text").put("text", value);
            } else {
                input.put("type", "plain_text_input").put("value", value);
            }
        });
        return send(SignedRequests.interaction(url("/slack/events"), payload.toString(), Instant.now(), SIGNING_SECRET));
    }

    /** Waits up to 10 s until the triage message of {@code key} is posted and remembered. */
    MessageRef awaitMessage(IncidentKey key) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            java.util.Optional<MessageRef> message = knowledge.triageMessages().find(key);
            if (message.isPresent()) {
                return message.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no triage message remembered for " + key);
    }

    /** The latest {@code kind} event of {@code key}, waiting up to 10 s for the background work that writes it. */
    TimelineEvent awaitLast(IncidentKey key, EventKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            java.util.List<TimelineEvent> events = knowledge.store().timeline(key).stream().filter(e -> e.kind() == kind).toList();
            if (!events.isEmpty()) {
                return events.get(events.size() - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + kind + " event on " + key);
            }
            Thread.sleep(20);
        }
    }

    /** Waits up to 10 s until no Slack reply is owed any more. */
    void awaitNoPendingReplies() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!knowledge.pendingReplies().all().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replies still owed: " + knowledge.pendingReplies().all());
            }
            Thread.sleep(20);
        }
    }

    /** The text of an immediate (ack) answer. */
    String ackText(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("text").asText();
    }

    /**
     * A {@code message} event in {@code channel} as the Events API delivers it, with
     * {@code X-Slack-Retry-Num} when {@code retry} is above 0.
     */
    HttpResponse<String> event(String eventId, com.fasterxml.jackson.databind.JsonNode event, int retry) throws Exception {
        ObjectNode body = json.createObjectNode().put("token", "legacy").put("team_id", "T1").put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1_700_000_000L);
        body.set("event", event);
        HttpRequest signed = SignedRequests.event(url("/slack/events"), body.toString(), Instant.now(), SIGNING_SECRET);
        if (retry > 0) {
            signed = HttpRequest.newBuilder(signed, (name, value) -> true).header("X-Slack-Retry-Num", String.valueOf(retry))
                    .header("X-Slack-Retry-Reason", "http_timeout").build();
        }
        return send(signed);
    }

    /** A message from an integration (bot_message) in {@code channel}. */
    ObjectNode botMessage(String channel, String ts, String username, String text) {
        return json.createObjectNode().put("type", "message").put("subtype", "bot_message").put("channel", channel)
                .put("ts", ts).put("bot_id", "B" + username.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", ""))
                .put("username", username).put("text", text);
    }

    /** A message from a person in {@code channel}, in {@code threadTs}'s thread when not null. */
    ObjectNode humanMessage(String channel, String ts, String threadTs, String user, String text) {
        ObjectNode message = json.createObjectNode().put("type", "message").put("channel", channel).put("ts", ts)
                .put("user", user).put("text", text);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        return message;
    }

    /** {@code POST /webhooks/alertmanager} with {@code token} as bearer token (none when null). */
    HttpResponse<String> alertmanager(String query, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/webhooks/alertmanager" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() throws Exception {
        server.close();
        bot.close();
        knowledge.close();
        slack.close();
    }
}
