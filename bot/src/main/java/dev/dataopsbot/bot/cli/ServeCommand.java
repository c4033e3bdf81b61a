package dev.dataopsbot.bot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.config.ConfigException;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.server.BotServer;
import dev.dataopsbot.bot.slack.SlackBot;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: the Slack app over HTTP ({@code POST /slack/events}) with {@code /healthz} and
 * {@code /metrics}. The server listens at once; {@code /healthz} answers 503 until the rules,
 * the runbook index and the incident database are ready.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Slack app and the HTTP endpoints on PORT (default 3000): POST /slack/events, GET /healthz, GET /metrics.",
                "Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; stops with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SlackConfig slack = SlackConfig.fromEnv(context.env());
        if (slack.socketMode()) {
            throw new ConfigException(SlackConfig.APP_TOKEN + " is set, but Socket Mode is not available in this "
                    + "version yet: unset it and use HTTP mode with " + SlackConfig.SIGNING_SECRET);
        }
        BotConfig config = store.config(context);
        AtomicBoolean ready = new AtomicBoolean();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (BotServer server = BotServer.start(slack.port(), SlackBot.create(slack), registry, ready::get);
             IncidentKnowledge knowledge = IncidentKnowledge.open(config.dataDir(), Clock.systemUTC())) {
            context.out().println("dataops-bot serving on port " + server.port() + " (HTTP mode, POST /slack/events)");
            TriageServiceFactory.create(config, context.err()::println);
            knowledge.pastIncidents();
            ready.set(true);
            context.out().println("ready: rules, runbook index and incident database loaded");
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }
}
