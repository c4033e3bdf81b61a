package dev.dataopsbot.bot.server;

import java.time.Duration;
import java.util.Optional;
import java.time.Clock;
import java.util.function.Supplier;

import dev.dataopsbot.bot.config.Secret;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.slack.AlertmanagerIntake;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP side of {@code serve} on Jetty 12: {@code POST /slack/events} (verified before Bolt
 * sees it; HTTP mode only), {@code POST /webhooks/alertmanager} (when a webhook token is set),
 * {@code GET /healthz} and {@code GET /metrics}. No answer names Jetty or an exception.
 */
public final class BotServer implements AutoCloseable {

    /**
     * Cap of a Slack request body. Slack cuts message text at 40,000 characters; JSON-escaped at
     * worst as six-byte unicode escapes that is 240,000 bytes, twice that with the rich-text block
     * that repeats it: 480,000 bytes. A slash command's 40,000 characters form-encoded take at most
     * 9 bytes each (360,000). Interactions carry a message of ours or a modal's few inputs.
     */
    public static final int SLACK_MAX_BYTES = 512 * 1024;
    /** Bodies in memory at once, all endpoints together: 16 Slack bodies at their cap, or 8 webhook ones. */
    public static final int BODY_BUDGET_BYTES = 8 * 1024 * 1024;
    /** How long a request waits for its share of the budget before it is answered 503. */
    static final Duration BUDGET_WAIT = Duration.ofSeconds(1);
    /**
     * Signatures remembered against replays. Slack sends at most 30,000 events an hour per
     * workspace; each signature is kept for at most 10 minutes (a timestamp up to 5 minutes ahead,
     * plus the window): 20,000 is two thirds of an hour's events within one window, about 3.4 MB.
     */
    public static final int REPLAY_MEMORY = 20_000;

    private final Server server;

    private BotServer(Server server) {
        this.server = server;
    }

    /**
     * Starts on {@code port} (0 picks a free one).
     *
     * @param health       what {@code /healthz} reports
     * @param slack        served at {@code /slack/events}; empty in Socket Mode (the path then answers 404)
     * @param webhookToken with it, {@code /webhooks/alertmanager} is served to {@code alertmanager}; without, it is off
     */
    public static BotServer start(int port, Optional<SlackEndpoint> slack, Optional<Secret> webhookToken,
                                  AlertmanagerIntake alertmanager, PrometheusMeterRegistry registry, Supplier<HealthReport> health)
            throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        JsonErrorHandler errors = new JsonErrorHandler();
        server.setErrorHandler(errors);
        ServletContextHandler context = new ServletContextHandler();
        context.setErrorHandler(errors);
        BotMetrics metrics = new BotMetrics(registry);
        BodyBudget budget = new BodyBudget(BODY_BUDGET_BYTES, BUDGET_WAIT);
        slack.ifPresent(endpoint -> context.addServlet(new ServletHolder(new SlackEventsServlet(endpoint.app(),
                new BodyLimit(SLACK_MAX_BYTES, budget), new RequestSignature(endpoint.signingSecret(), endpoint.clock()),
                new ReplayGuard(REPLAY_MEMORY, RequestSignature.WINDOW, endpoint.clock()), metrics)), SlackEventsServlet.PATH));
        webhookToken.ifPresent(token -> context.addServlet(new ServletHolder(new AlertmanagerServlet(token, alertmanager,
                new BodyLimit(AlertmanagerServlet.MAX_BYTES, budget), metrics)), AlertmanagerServlet.PATH));
        context.addServlet(new ServletHolder(new HealthServlet(health, Clock.systemUTC())), "/healthz");
        context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
        server.setHandler(new TraceRefusal(context));
        server.start();
        return new BotServer(server);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
