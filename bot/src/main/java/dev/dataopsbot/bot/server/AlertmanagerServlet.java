package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.config.Secret;
import dev.dataopsbot.bot.metrics.BotMetrics;
import dev.dataopsbot.bot.slack.AlertmanagerIntake;
import dev.dataopsbot.bot.webhook.AlertmanagerNotification;
import dev.dataopsbot.bot.webhook.AlertmanagerPayloadException;
import dev.dataopsbot.bot.webhook.BearerToken;
import dev.dataopsbot.knowledge.incident.StoreException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/alertmanager}: Alertmanager's webhook (payload version 4). The status
 * codes follow Alertmanager's retry rules: 200 only once every alert is stored, 400 with a JSON
 * error naming the problem for a payload that will never be accepted (it does not retry 4xx),
 * 401 without the bearer token, 413 over 1 MiB (from Content-Length before reading, else while
 * reading), 503 when the bytes it would read do not fit the shared {@link BodyBudget} or the database
 * is briefly unavailable (it retries 5xx). Every error is one line of JSON.
 */
final class AlertmanagerServlet extends HttpServlet {

    static final int MAX_BYTES = 1 << 20;
    static final String PATH = "/webhooks/alertmanager";
    private static final Pattern CHANNEL_ID = Pattern.compile("[A-Z0-9]{2,32}");
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerServlet.class);

    private final transient Secret token;
    private final transient AlertmanagerIntake intake;
    private final transient BodyLimit limit;
    private final transient BotMetrics metrics;
    private final transient ObjectMapper json = new ObjectMapper();

    AlertmanagerServlet(Secret token, AlertmanagerIntake intake, BodyLimit limit, BotMetrics metrics) {
        this.token = token;
        this.intake = intake;
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!BearerToken.matches(request.getHeader("Authorization"), token)) {
            reject(request, response, new RejectedRequest(HttpServletResponse.SC_UNAUTHORIZED, "bad_token", "missing or wrong bearer "
                    + "token: send Authorization: Bearer <DATAOPS_WEBHOOK_TOKEN> (http_config.authorization.credentials)"));
            return;
        }
        try (BodyLimit.Body body = limit.read(request)) {
            accept(body.bytes(), request.getParameter("channel"), response);
        } catch (RejectedRequest e) {
            reject(request, response, e);
        }
    }

    private void accept(byte[] body, String channel, HttpServletResponse response) throws IOException, RejectedRequest {
        if (channel != null && !CHANNEL_ID.matcher(channel).matches()) {
            throw new RejectedRequest(HttpServletResponse.SC_BAD_REQUEST, "malformed", "channel: '"
                    + channel.replaceAll("[^\\w-]", "?") + "' is not a Slack channel id such as C0123ABCD");
        }
        AlertmanagerNotification notification;
        try {
            notification = AlertmanagerNotification.parse(body);
        } catch (AlertmanagerPayloadException e) {
            throw new RejectedRequest(HttpServletResponse.SC_BAD_REQUEST, "malformed", e.getMessage());
        }
        try {
            AlertmanagerIntake.Outcome outcome = intake.accept(notification, channel);
            ObjectNode answer = json.createObjectNode().put("stored", outcome.stored())
                    .put("duplicates", outcome.duplicates()).put("recovered", outcome.recovered());
            send(response, HttpServletResponse.SC_OK, answer);
        } catch (StoreException e) {
            LOG.error("alertmanager webhook: {}", e.getMessage());
            JsonError.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the incident database is not available; retry");
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RejectedRequest rejected) throws IOException {
        metrics.rejected(PATH, rejected.reason());
        if (rejected.status() == 413) {
            if (!BodyLimit.discardRest(request)) {
                response.setHeader("Connection", "close");  // the rest of the body is not read
            }
        }
        JsonError.send(response, rejected.status(), rejected.getMessage());
    }

    private void send(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
