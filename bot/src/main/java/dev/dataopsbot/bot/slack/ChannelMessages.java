package dev.dataopsbot.bot.slack;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.dataopsbot.bot.alert.AlertMessageText;
import dev.dataopsbot.bot.alert.AlertSignals;
import dev.dataopsbot.bot.alert.AlertTitleKey;
import dev.dataopsbot.bot.alert.ChannelMessage;
import dev.dataopsbot.bot.alert.MessageLinks;
import dev.dataopsbot.bot.alert.Recovery;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SourceAlert;
import dev.dataopsbot.knowledge.incident.SourceIdentity;
import dev.dataopsbot.knowledge.incident.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages posted in alert channels ({@code message} events, any subtype), handled before Bolt's
 * routing so that every subtype is acknowledged: an alert is classified and stored with its
 * event id and the reply it owes before the ack (a Slack retry is then a no-op), and answered in
 * its thread after it; a repeat gets a pointer, a recovery closes the loop (found by pipeline
 * object, else by the alert's name without its state), a reply in an
 * incident's thread goes on its timeline. The bot's own messages, edits, deletes, chat that is
 * not an alert and channels outside {@code DATAOPS_ALERT_CHANNELS} are acknowledged and ignored.
 */
final class ChannelMessages implements Middleware {

    static final String DELIVERY = "slack-event";
    static final String UNCLASSIFIED = ":grey_question: I could not classify this alert from its message alone. Paste the "
            + "failed task's log with `/dataops triage` (or `/dataops triage` alone for a box) and I will open an incident.";
    private static final int MAX_SENDER_CHARS = 40;
    /**
     * How long an event may wait for the database before it is answered 503 (Slack retries): well
     * inside the 3 s Slack allows, with room for classification.
     */
    static final java.time.Duration ACK_BUDGET = java.time.Duration.ofMillis(2000);
    static final String BUSY = "{\"error\":\"the incident database is busy; retry\"}";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelMessages.class);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> alertChannels;
    private final AlertMessageText extractor = new AlertMessageText();
    private final MessageLinks messageLinks = new MessageLinks();
    private final AlertSignals signals = new AlertSignals();
    private final AlertTitleKey titleKey = new AlertTitleKey();
    private final AlertIntake intake;
    private final IncidentStore store;
    private final ReplyDelivery delivery;
    private final SourceRecovery recovery;
    private final ThreadReplies replies;
    private final AfterAck afterAck;
    private final SlackWebApi web;

    ChannelMessages(List<String> alertChannels, AlertIntake intake, IncidentStore store, ReplyDelivery delivery,
                    SourceRecovery recovery, ThreadReplies replies, AfterAck afterAck, SlackWebApi web) {
        this.alertChannels = List.copyOf(alertChannels);
        this.intake = intake;
        this.store = store;
        this.delivery = delivery;
        this.recovery = recovery;
        this.replies = replies;
        this.afterAck = afterAck;
        this.web = web;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (request.getRequestType() != RequestType.Event) {
            return chain.next(request);
        }
        JsonNode body = json.readTree(request.getRequestBodyAsString());
        JsonNode event = body.path("event");
        if (!"message".equals(event.path("type").asText())) {
            return chain.next(request);
        }
        try {
            handle(body.path("event_id").asText(""), ChannelMessage.fromEvent(event), store.within(ACK_BUDGET));
        } catch (StoreException e) {
            LOG.error("channel alert not stored, answered 503 so that Slack retries: {}", e.getMessage());
            return Response.builder().statusCode(503).contentType("application/json; charset=utf-8").body(BUSY).build();
        }
        return Response.ok();
    }

    private void handle(String eventId, ChannelMessage message, IncidentStore store) {
        if (eventId.isEmpty() || message.channel() == null
                || !alertChannels.isEmpty() && !alertChannels.contains(message.channel())) {
            return;
        }
        Optional<AuthTestResponse> bot = web.knownIdentity();
        if (signals.isFromBot(message, bot.map(AuthTestResponse::getUserId).orElse(null),
                bot.map(AuthTestResponse::getBotId).orElse(null))) {
            return;
        }
        if (message.threadTs() != null && !message.threadTs().equals(message.ts())) {
            threadReply(eventId, message, store);
            return;
        }
        if (signals.isIgnorable(message)) {
            return;
        }
        String text = extractor.extract(message);
        if (text.isBlank()) {
            return;
        }
        Optional<Recovery> recovered = signals.recovery(message, text);
        if (recovered.isPresent()) {
            recover(eventId, message, text, recovered.get().reason(), store);
            return;
        }
        Triage classified = intake.classify(source(message), text);
        boolean unknown = "unknown".equals(classified.verdict().failureMode());
        if (unknown && !signals.looksLikeAlert(message, text)) {
            return;
        }
        if (unknown && signals.isVague(text)) {
            if (store.claimDelivery(DELIVERY, eventId)) {
                afterAck.run("unclassified alert in " + message.channel(), this::log,
                        () -> web.post(message.channel(), message.ts(), UNCLASSIFIED, null, "unclassified alert"), null);
            }
            return;
        }
        intake.store(store, classified, source(message), DELIVERY, eventId, null, alertKey(classified).orElse(null),
                        message.channel(), message.ts(), links(message))
                .ifPresent(stored -> afterAck.run("reply for " + stored.recorded().key(), this::log,
                        () -> delivery.deliver(stored.received(), classified.warnings()), null));
    }

    /** An integration's links ("View log", the run), kept on the triage message; null for people's messages. */
    private SourceAlert links(ChannelMessage message) {
        if (!message.isFromIntegration()) {
            return null;
        }
        List<SourceAlert.Link> links = messageLinks.of(message);
        return links.isEmpty() ? null : new SourceAlert("", List.of(), "", "", links);
    }

    private void threadReply(String eventId, ChannelMessage message, IncidentStore store) {
        if (message.user() == null || message.botId() != null || message.subtype() != null) {
            return;
        }
        store.findByThread(message.channel(), message.threadTs()).ifPresent(incident -> {
            if (store.claimDelivery(DELIVERY, eventId)) {
                afterAck.run("thread reply on " + incident.key(), this::log,
                        () -> replies.record(incident.key(), message.user(), message.text()), null);
            }
        });
    }

    private void recover(String eventId, ChannelMessage message, String text, String reason, IncidentStore store) {
        if (!store.claimDelivery(DELIVERY, eventId)) {
            return;
        }
        afterAck.run("recovery in " + message.channel(), this::log, () -> {
            Triage recovered = intake.classify(source(message), text);
            SourceIdentity source = SourceIdentity.fromEntities(recovered.verdict().entities());
            this.store.findOpen(source).or(() -> alertKey(recovered).flatMap(this.store::findOpenByAlertKey))
                    .ifPresent(incident -> recovery.recovered(incident, reason));
        }, null);
    }

    /**
     * The alert's name without its state, from the redacted text: it is stored with the incident,
     * so a secret in an alert's title must not reach the store through it.
     */
    private Optional<String> alertKey(Triage classified) {
        return titleKey.of(classified.redactedText());
    }

    /** {@code slack/<integration>}, e.g. {@code slack/Datadog}; plain {@code slack} for people. */
    private static String source(ChannelMessage message) {
        String sender = message.username();
        if (sender == null || sender.isBlank()) {
            return "slack";
        }
        String name = sender.strip().replaceAll("[^\\p{Alnum} ._-]", "");
        return "slack/" + (name.length() > MAX_SENDER_CHARS ? name.substring(0, MAX_SENDER_CHARS) : name);
    }

    private void log(String problem) {
        LOG.error("channel alert: {}", problem);
    }
}
