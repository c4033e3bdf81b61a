package dev.dataopsbot.bot.fake;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: greets each connection with {@code hello}, sends
 * envelopes the test asks for, and records what the app sends back (envelope acks).
 */
public final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public FakeSocketModeServer() throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Socket Mode server did not start");
        }
    }

    /** The {@code wss://...} URL that {@code apps.connections.open} hands out (plain ws here). */
    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=t1&app_id=A1";
    }

    /** Connections opened so far, reconnects included. */
    public int connectionCount() {
        return connections.get();
    }

    /** Waits up to 10 s for an open connection that has been greeted. */
    public void awaitConnection(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (connections.get() < count || getConnections().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the app did not connect " + count + " time(s); connections: " + connections.get());
            }
            Thread.sleep(20);
        }
    }

    /** Sends {@code json} to every open connection. */
    public void send(String json) {
        getConnections().forEach(connection -> connection.send(json));
    }

    /** Drops every connection, as Slack does when it refreshes them. */
    public void dropConnections() {
        getConnections().forEach(WebSocket::close);
    }

    /** Waits up to 10 s for a message from the app matching {@code test}. */
    public String await(Predicate<String> test) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            for (String message : received) {
                if (test.test(message)) {
                    return message;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching message from the app; received: " + received);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        connections.incrementAndGet();
        connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":3600},"
                + "\"connection_info\":{\"app_id\":\"A1\"}}");
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(message);
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
