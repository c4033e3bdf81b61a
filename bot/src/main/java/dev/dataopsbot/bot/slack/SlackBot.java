package dev.dataopsbot.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.slack.message.TriageMessage;
import dev.dataopsbot.bot.slack.web.RetryPolicy;
import dev.dataopsbot.bot.slack.web.SlackClient;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.incident.ChannelLeases;

/**
 * The Bolt app and what its handlers share: the Web API client pointed at {@code SLACK_API_URL},
 * the background executor and request timing; in Socket Mode, the WebSocket connection. In HTTP
 * mode requests are verified before they reach the app ({@code server.SlackEventsServlet}). Closing it lets running background work finish.
 */
public final class SlackBot implements AutoCloseable {

    static final int WORKERS = 8;
    /** Work waiting for a worker; beyond it, work is retried for 30 s and then the user is told. */
    static final int QUEUE = 10_000;
    /** How long stopping waits for background work and queued posts; the rest stays owed. */
    public static final Duration DRAIN = Duration.ofSeconds(10);

    private final App app;
    private final SocketModeApp socketMode;
    private final BackgroundWork work;
    private final SlackWebApi web;
    private final Handlers handlers;

    /** What the app's handlers share beyond the app itself. */
    private record Handlers(ReplyDelivery delivery, StormDigest storm, AlertmanagerIntake alertmanager) {
    }

    private SlackBot(App app, SocketModeApp socketMode, BackgroundWork work, SlackWebApi web, Handlers handlers) {
        this.app = app;
        this.socketMode = socketMode;
        this.work = work;
        this.web = web;
        this.handlers = handlers;
    }

    /**
     * Starts the app: in HTTP mode it is ready for {@link #httpApp()}'s servlet; in Socket Mode
     * ({@code SLACK_APP_TOKEN} set) it connects to Slack over a WebSocket and reconnects when the
     * connection drops.
     *
     * @throws SlackUnavailableException when Slack cannot confirm the bot token (Bolt calls auth.test here) or,
     *                                   in Socket Mode, will not open a connection for the app token
     */
    public static SlackBot start(SlackConfig config, TriageService triage, IncidentKnowledge knowledge, BotMetrics metrics,
                                 Clock clock) {
        triage.cases().teach(knowledge.teamCaseLibrary());
        Slack slack = SlackClient.create(config.apiUrl());
        AppConfig.AppConfigBuilder settings = AppConfig.builder()
                .singleTeamBotToken(config.botToken().reveal())
                .slack(slack)
                // server.SlackEventsServlet verifies the raw bytes before Bolt or its middleware sees a request
                .requestVerificationEnabled(false)
                // the bot's own messages are recognised by ChannelMessages from the identity asked once at start;
                // Bolt's check would call bots.info for every bot_message, and fail the request while Slack is down
                .ignoringSelfEventsEnabled(false)
                // Bolt confirms the bot token with auth.test per request unless cached: once a day is enough
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(Duration.ofDays(1).toMillis());
        BackgroundWork work = new BackgroundWork(WORKERS, QUEUE, metrics);
        SlackWebApi web = new SlackWebApi(slack.methods(config.botToken().reveal()), slack.getHttpClient(),
                RetryPolicy.DEFAULT, metrics);
        try {
            App app = new App(settings.build());
            app.use(new RequestTiming(metrics));
            Handlers handlers = handlers(app, config, triage, knowledge, metrics, clock, web, work);
            if (config.socketMode()) {
                SocketModeApp socketMode = new SocketModeApp(config.appToken().orElseThrow().reveal(), app,
                        SocketModeClient.Backend.JavaWebSocket);
                web.identity();
                socketMode.startAsync();
                return new SlackBot(app, socketMode, work, web, handlers);
            }
            web.identity();  // asked once now, so that handling an event never waits for auth.test
            return new SlackBot(app.start(), null, work, web, handlers);
        } catch (Exception e) {
            work.close();
            web.close();
            String check = config.socketMode()
                    ? "cannot connect in Socket Mode with " + SlackConfig.APP_TOKEN + " and " + SlackConfig.BOT_TOKEN
                    : "cannot check " + SlackConfig.BOT_TOKEN + " with auth.test";
            throw new SlackUnavailableException(check + " at " + config.apiUrl() + ": " + e.getMessage() + " (is Slack "
                    + "reachable, or " + SlackConfig.API_URL + " right, and are the tokens valid?)", e);
        }
    }

    private static Handlers handlers(App app, SlackConfig config, TriageService triage, IncidentKnowledge knowledge,
                                     BotMetrics metrics, Clock clock, SlackWebApi web, BackgroundWork work) {
        AfterAck afterAck = new AfterAck(work, web);
        SecurityEscalation escalation = new SecurityEscalation(config.securityChannel(), web);
        IncidentMessages messages = new IncidentMessages(knowledge, web, new TriageMessage(config.runbookBaseUrl()), escalation);
        IncidentActions actions = new IncidentActions(knowledge.lifecycle(), metrics,
                () -> triage.cases().teach(knowledge.teamCaseLibrary()));
        ChannelTriage channelTriage = new ChannelTriage(triage, knowledge.recorder(), messages, web, metrics, escalation,
                knowledge.store());
        Map<String, Subcommand> subcommands = new HashMap<>();
        subcommands.put("triage", new TriageSubcommand(afterAck, channelTriage, web));
        subcommands.put("incidents", new IncidentsSubcommand(afterAck, knowledge.store(), clock));
        subcommands.put("summary", new SummarySubcommand(afterAck, messages));
        subcommands.put("report", new ReportSubcommand(afterAck, knowledge.database(), clock));
        for (LifecycleSubcommand.Verb verb : LifecycleSubcommand.Verb.values()) {
            subcommands.put(verb.word, new LifecycleSubcommand(verb, afterAck, actions, messages));
        }
        app.command(DataopsCommand.NAME, new DataopsCommand(subcommands));
        new IncidentButtons(afterAck, actions, messages, knowledge.store(), web).register(app);
        new IncidentModals(afterAck, actions, messages, channelTriage, web).register(app);

        Replica replica = Replica.of(knowledge.database().shared());
        StormDigest storm = new StormDigest(web, knowledge.pendingReplies(), new ChannelLeases(knowledge.database(), clock), replica);
        ReplyDelivery delivery = new ReplyDelivery(messages, knowledge.pendingReplies(), knowledge.store(), web,
                new PointerThrottle(clock), storm, escalation, knowledge.triageMessages(), metrics, clock, replica);
        SourceRecovery recovery = new SourceRecovery(knowledge.lifecycle(), knowledge.pendingReplies(), delivery, metrics,
                config.autoResolve());
        AlertIntake intake = new AlertIntake(triage, metrics, escalation);
        app.use(new ChannelMessages(config.alertChannels(), intake, knowledge.store(), delivery, recovery,
                new ThreadReplies(knowledge.lifecycle()), afterAck, web));
        app.event(AppMentionEvent.class, (payload, context) -> context.ack());
        return new Handlers(delivery, storm, new AlertmanagerIntake(intake, knowledge.store(), delivery, recovery, afterAck,
                config.alertChannels()));
    }

    /** Alertmanager notifications, for the webhook endpoint. */
    public AlertmanagerIntake alertmanager() {
        return handlers.alertmanager();
    }

    /**
     * Posts the replies a previous run acknowledged but Slack never confirmed, and starts retrying
     * what stays owed; returns how many there were.
     */
    public int deliverPendingReplies() {
        return handlers.delivery().deliverPending();
    }

    /** Replies owed in Slack, as {@code /healthz} reports them: count, overdue count, oldest. */
    public OwedReplies owedReplies() {
        return handlers.delivery().owed();
    }

    /** The app to serve at {@code POST /slack/events}; empty in Socket Mode, where Slack sends nothing over HTTP. */
    public Optional<App> httpApp() {
        return socketMode == null ? Optional.of(app) : Optional.empty();
    }

    /**
     * Stops intake (disconnects in Socket Mode, stops the app), then drains for at most
     * {@link #DRAIN}: background work finishes, waiting storm digests are posted and queued
     * messages are sent. What Slack has not confirmed by then stays owed in the database and is
     * posted at the next start.
     */
    @Override
    public void close() throws Exception {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        if (socketMode != null) {
            socketMode.close();
        }
        app.stop();
        handlers.delivery().close();
        work.shutdown(left(deadline));
        handlers.storm().close();
        try {
            web.drain(left(deadline));
        } finally {
            web.close();
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
