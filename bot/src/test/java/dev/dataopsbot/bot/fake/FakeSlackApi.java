package dev.dataopsbot.bot.fake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack's Web API on 127.0.0.1 for tests. Answers the methods the bot calls ({@code auth.test},
 * {@code chat.postMessage}, {@code chat.update}, {@code chat.postEphemeral}, {@code views.open},
 * the three file-upload steps, {@code apps.connections.open}, and {@code conversations.history}
 * and {@code conversations.replies}, which return what was posted with its message metadata as
 * Slack does with {@code include_all_metadata}) and the {@code response_url}s it hands out, and
 * records every call. {@link #failNext} scripts HTTP errors (429, 500) for a method,
 * {@link #outage} a timed sequence of failures for every method, {@link #holdChannel} posts
 * into one channel that hang.
 */
public final class FakeSlackApi implements AutoCloseable {

    /**
     * One request the bot made: the method (or {@code response}, {@code upload}), its parameters,
     * its {@code Authorization} header and when it arrived.
     */
    public record Call(String method, Map<String, String> params, String body, String authorization, Instant at) {

        public String param(String name) {
            return params.get(name);
        }

        /** A JSON parameter ({@code blocks}, {@code view}) or the JSON body of a {@code response_url} post. */
        public JsonNode json(String name) {
            try {
                return JSON.readTree(name == null ? body : params.get(name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Failure(int status, Map<String, String> headers) {
    }

    /** A message as Slack keeps it: where, its ts, its thread, text and metadata (JSON, may be null). */
    public record Posted(String channel, String ts, String threadTs, String text, JsonNode metadata) {
    }

    /**
     * One phase of an outage: for {@code length}, every call gets {@code status} (with
     * {@code Retry-After: 1} for 429), or, with status 0, hangs until the phase ends and then the
     * connection is closed without an answer. A post during a 5xx phase or a hang is kept (Slack
     * took it, the answer was lost) every other time, so a blind retry would duplicate it.
     */
    public record Phase(int status, Duration length) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    // a thread per request, as Slack serves each on its own: hung calls never queue a later one behind them
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    /** This fake's message timestamps count up from here (2023), not from the clock: {@code oldest} cannot cut them. */
    private static final long FIRST_TS = 1_700_000_000L;
    private final AtomicLong ts = new AtomicLong(FIRST_TS);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/link";
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final List<String> heldCalls = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final Set<String> heldChannels = ConcurrentHashMap.newKeySet();
    private final Set<String> lostAnswers = ConcurrentHashMap.newKeySet();
    private volatile List<Phase> outage = List.of();
    private volatile Instant outageStart = Instant.MAX;
    private final AtomicLong outageCalls = new AtomicLong();

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", exchange -> other("response", exchange));
        server.createContext("/upload/", exchange -> other("upload", exchange));
        server.setExecutor(executor);
        server.start();
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    /** A {@code response_url} as Slack puts in slash commands and interactions; posts to it are recorded as {@code response}. */
    public String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    /** What {@code apps.connections.open} answers. */
    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** The next call of {@code method} gets {@code status} with {@code headers} (e.g. Retry-After) and is not recorded as done. */
    public void failNext(String method, int status, Map<String, String> headers) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(status, Map.copyOf(headers)));
    }

    /**
     * Calls of {@code method} hang from now on (unanswered, unrecorded) until this fake closes, as
     * if Slack were stuck: for killing the bot while a reply is in flight.
     */
    public void hold(String method) {
        held.add(method);
    }

    /**
     * The next call of {@code method} is carried out (a post lands) but its connection is closed
     * without an answer, as when Slack took a post and the response was lost.
     */
    public void loseAnswerOfNext(String method) {
        lostAnswers.add(method);
    }

    /** Posts into {@code channel} hang from now on (unanswered, unrecorded) until this fake closes. */
    public void holdChannel(String channel) {
        heldChannels.add(channel);
    }

    /** Starts {@code phases} now, one after the other; afterwards Slack answers normally again. */
    public void outage(List<Phase> phases) {
        outage = List.copyOf(phases);
        outageStart = Instant.now();
    }

    /** Every message Slack holds, in the order posted (what {@code conversations.history} serves). */
    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    /** How many calls of {@code method} are hanging in {@link #hold}. */
    public long heldCount(String method) {
        return heldCalls.stream().filter(method::equals).count();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits up to 10 s for a call of {@code method} matching {@code test}. */
    public Call await(String method, Predicate<Call> test) throws InterruptedException {
        return awaitCount(method, test, 1).get(0);
    }

    /** Waits up to 10 s until {@code count} calls of {@code method} match {@code test}; fails if they do not. */
    public List<Call> awaitCount(String method, Predicate<Call> test, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Call> matching = calls(method).stream().filter(test).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " " + method + " call(s), got " + matching.size()
                        + "; all calls: " + calls.stream().map(Call::method).toList());
            }
            Thread.sleep(20);
        }
    }

    public Optional<Call> last(String method) {
        List<Call> matching = calls(method);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Phase phase = currentPhase();
        if (phase != null) {
            failDuring(phase, method, exchange, body);
            return;
        }
        if (method.equals("chat.postMessage") && heldChannels.contains(params(exchange, body).get("channel"))) {
            heldCalls.add(method);
            awaitRelease();
            exchange.close();
            return;
        }
        if (held.contains(method)) {
            heldCalls.add(method);
            awaitRelease();
            exchange.close();
            return;
        }
        Failure failure = nextFailure(method);
        if (failure != null) {
            failure.headers().forEach(exchange.getResponseHeaders()::add);
            send(exchange, failure.status(), "{\"ok\":false,\"error\":\"fake_failure\"}");
            return;
        }
        Map<String, String> params = params(exchange, body);
        calls.add(new Call(method, params, body, exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
        String answer = answer(method, params);
        if (lostAnswers.remove(method)) {
            exchange.close();
            return;
        }
        send(exchange, 200, answer);
    }

    private void other(String kind, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Failure failure = nextFailure(kind);
        if (failure != null) {
            failure.headers().forEach(exchange.getResponseHeaders()::add);
            send(exchange, failure.status(), "error");
            return;
        }
        calls.add(new Call(kind, Map.of("path", exchange.getRequestURI().getPath()), body,
                exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
        send(exchange, 200, kind.equals("response") ? "{\"ok\":true}" : "OK - " + body.length());
    }

    private Phase currentPhase() {
        Instant start = outageStart;
        Duration elapsed = Duration.between(start, Instant.now());
        if (elapsed.isNegative()) {
            return null;
        }
        for (Phase phase : outage) {
            if (elapsed.compareTo(phase.length()) < 0) {
                return phase;
            }
            elapsed = elapsed.minus(phase.length());
        }
        return null;
    }

    private Instant phaseEnd(Phase current) {
        Instant end = outageStart;
        for (Phase phase : outage) {
            end = end.plus(phase.length());
            if (phase == current) {
                return end;
            }
        }
        return end;
    }

    private void failDuring(Phase phase, String method, HttpExchange exchange, String body) throws IOException {
        boolean keep = method.equals("chat.postMessage") && phase.status() != 429 && outageCalls.incrementAndGet() % 2 == 0;
        if (keep) {
            Map<String, String> params = params(exchange, body);
            calls.add(new Call(method, params, body, exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
            answer(method, params);
        }
        if (phase.status() == 0) {
            Duration left = Duration.between(Instant.now(), phaseEnd(phase));
            try {
                released.await(Math.max(1, left.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (phase.status() == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        send(exchange, phase.status(), "{\"ok\":false,\"error\":\"fake_outage\"}");
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Failure nextFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        return queue == null ? null : queue.poll();
    }

    private String answer(String method, Map<String, String> params) {
        String channel = params.getOrDefault("channel", "C1");
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"dataops\","
                    + "\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            case "chat.postMessage" -> {
                String at = ts.incrementAndGet() + ".000100";
                posted.add(new Posted(channel, at, params.get("thread_ts"), params.get("text"), metadata(params.get("metadata"))));
                yield "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + at + "\"}";
            }
            case "conversations.history" -> history(channel, null, params);
            case "conversations.replies" -> history(channel, params.get("ts"), params);
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + ts.incrementAndGet() + ".000200\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F1\",\"file_id\":\"F1\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    private static JsonNode metadata(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What Slack answers for a channel's history (top-level messages, newest first) or a thread's
     * replies (the thread, oldest first), after {@code oldest}, with metadata only when
     * {@code include_all_metadata} is set. One page holds everything.
     */
    private String history(String channel, String thread, Map<String, String> params) {
        double oldest = params.get("oldest") == null ? 0 : Double.parseDouble(params.get("oldest"));
        boolean withMetadata = "true".equals(params.get("include_all_metadata")) || "1".equals(params.get("include_all_metadata"));
        com.fasterxml.jackson.databind.node.ObjectNode answer = JSON.createObjectNode().put("ok", true).put("has_more", false);
        com.fasterxml.jackson.databind.node.ArrayNode messages = answer.putArray("messages");
        List<Posted> in = posted.stream().filter(p -> p.channel().equals(channel))
                .filter(p -> thread == null ? p.threadTs() == null : thread.equals(p.threadTs()) || thread.equals(p.ts()))
                .filter(p -> Double.parseDouble(p.ts()) > oldest || Double.parseDouble(p.ts()) < FIRST_TS + 1_000_000).toList();
        List<Posted> ordered = new java.util.ArrayList<>(in);
        if (thread == null) {
            java.util.Collections.reverse(ordered);
        }
        for (Posted p : ordered) {
            com.fasterxml.jackson.databind.node.ObjectNode m = messages.addObject().put("type", "message").put("ts", p.ts())
                    .put("text", p.text() == null ? "" : p.text()).put("bot_id", "BBOT");
            if (p.threadTs() != null) {
                m.put("thread_ts", p.threadTs());
            }
            if (withMetadata && p.metadata() != null) {
                m.set("metadata", p.metadata());
            }
        }
        answer.putObject("response_metadata").put("next_cursor", "");
        return answer.toString();
    }

    private static Map<String, String> params(HttpExchange exchange, String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JSON.readTree(body).fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
