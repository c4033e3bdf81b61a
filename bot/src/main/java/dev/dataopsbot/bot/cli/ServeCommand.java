package dev.dataopsbot.bot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.incident.StoreFollower;
import dev.dataopsbot.bot.incident.PastIncidentSearch;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.server.BotServer;
import dev.dataopsbot.bot.server.HealthReport;
import dev.dataopsbot.bot.server.SlackEndpoint;
import dev.dataopsbot.bot.slack.SlackBot;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import dev.dataopsbot.knowledge.incident.StorageHealth;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the Slack app over HTTP ({@code POST /slack/events}) with {@code /healthz} and
 * {@code /metrics}. The rules, the runbook index and the incident database (integrity-checked)
 * load before the port opens; {@code /healthz} answers 200 once the similar-incident index is up
 * to date too, and while the store can be written. SIGTERM (or Ctrl-C) stops intake first, then
 * drains for at most {@link SlackBot#DRAIN}; replies Slack has not confirmed stay owed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Slack app and the HTTP endpoints on PORT (default 3000): POST /slack/events, GET /healthz, GET /metrics.",
                "Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode: no public URL needed, /slack/events is off); stops with Ctrl-C or SIGTERM (at most 10 s of draining; what Slack has not confirmed is posted at the next start)."})
final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store;

    @Option(names = "--routing", paramLabel = "FILE", description = "Routing file: who is told, dataset tiers, severity floors (env DATAOPS_ROUTING_FILE; see docs/routing.md).")
    Path routingFile;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    /** PostgreSQL connections per replica: request threads, the reply worker and the index refresh share them. */
    static final int STORE_POOL = 4;

    @Override
    public Integer call() throws Exception {
        SlackConfig slack = SlackConfig.fromEnv(context.env());
        BotConfig config = store.config(context).withRoutingFlag(routingFile).validated();
        AtomicBoolean ready = new AtomicBoolean();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BotMetrics metrics = new BotMetrics(registry);
        Clock clock = Clock.systemUTC();
        IncidentKnowledge knowledge = IncidentKnowledge.open(config, STORE_POOL, clock);
        knowledge.announceIfCreated(context.err()::println);
        GracefulStop stop = new GracefulStop();
        stop.add(knowledge);
        try {
            TriageService triage = TriageServiceFactory.create(config, context.err()::println)
                    .withPastIncidents(new PastIncidentSearch(knowledge));
            SlackBot bot = SlackBot.start(slack, triage, knowledge, metrics, clock);
            stop.add(bot);
            StorageHealth storage = new StorageHealth(knowledge.database(), clock, slack.minFreeMb() * 1024 * 1024);
            BotServer server = BotServer.start(slack.port(),
                    bot.httpApp().map(app -> new SlackEndpoint(app, slack.signingSecret().orElseThrow(), clock)),
                    slack.webhookToken(), bot.alertmanager(),
                    registry, () -> ready.get() ? HealthReport.of(storage.status(), bot.owedReplies()) : HealthReport.starting());
            stop.add(server);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::run, "dataops-shutdown"));
            knowledge.pastIncidents();
            stop.add(StoreFollower.start(knowledge, triage.cases()));
            int owed = bot.deliverPendingReplies();
            if (owed > 0) {
                context.out().println("posting " + owed + " reply(ies) acknowledged before the last stop but not confirmed by Slack");
            }
            ready.set(true);
            context.out().println("dataops-bot serving on port " + server.port() + (slack.socketMode()
                    ? " (Socket Mode: connected to Slack over a WebSocket; /healthz and /metrics only)"
                    : " (HTTP mode, POST /slack/events)") + "; ready: rules, runbook index and incident database loaded"
                    + " (" + knowledge.database().location() + ")");
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
        }
        return ExitCode.OK;
    }
}
