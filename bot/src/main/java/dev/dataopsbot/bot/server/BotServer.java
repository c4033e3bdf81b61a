package dev.dataopsbot.bot.server;

import java.util.Optional;
import java.time.Clock;
import java.util.function.Supplier;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import dev.dataopsbot.bot.config.Secret;
import dev.dataopsbot.bot.slack.AlertmanagerIntake;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP side of {@code serve} on Jetty 12: {@code POST /slack/events} (Bolt, signature
 * verified; HTTP mode only), {@code POST /webhooks/alertmanager} (when a webhook token is set),
 * {@code GET /healthz} and {@code GET /metrics}.
 */
public final class BotServer implements AutoCloseable {

    private final Server server;

    private BotServer(Server server) {
        this.server = server;
    }

    /**
     * Starts on {@code port} (0 picks a free one).
     *
     * @param health       what {@code /healthz} reports
     * @param slackApp     served at {@code /slack/events}; empty in Socket Mode (the path then answers 404)
     * @param webhookToken with it, {@code /webhooks/alertmanager} is served to {@code alertmanager}; without, it is off
     */
    public static BotServer start(int port, Optional<App> slackApp, Optional<Secret> webhookToken,
                                  AlertmanagerIntake alertmanager, PrometheusMeterRegistry registry, Supplier<HealthReport> health)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        slackApp.ifPresent(app -> context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events"));
        webhookToken.ifPresent(token -> context.addServlet(
                new ServletHolder(new AlertmanagerServlet(token, alertmanager)), "/webhooks/alertmanager"));
        context.addServlet(new ServletHolder(new HealthServlet(health, Clock.systemUTC())), "/healthz");
        context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
        server.setHandler(context);
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
