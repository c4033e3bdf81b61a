package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.config.Secret;
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
 * 401 without the bearer token, 413 over 1 MiB, 503 when the database is briefly unavailable (it
 * retries 5xx).
 */
final class AlertmanagerServlet extends HttpServlet {

    static final int MAX_BYTES = 1 << 20;
    private static final Pattern CHANNEL_ID = Pattern.compile("[A-Z0-9]{2,32}");
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerServlet.class);

    private final transient Secret token;
    private final transient AlertmanagerIntake intake;
    private final transient ObjectMapper json = new ObjectMapper();

    AlertmanagerServlet(Secret token, AlertmanagerIntake intake) {
        this.token = token;
        this.intake = intake;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!BearerToken.matches(request.getHeader("Authorization"), token)) {
            error(response, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong bearer token: send "
                    + "Authorization: Bearer <DATAOPS_WEBHOOK_TOKEN> (http_config.authorization.credentials)");
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            error(response, 413, "payload larger than 1 MiB");
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            error(response, 413, "payload larger than 1 MiB");
            return;
        }
        String channel = request.getParameter("channel");
        if (channel != null && !CHANNEL_ID.matcher(channel).matches()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "channel: '" + channel.replaceAll("[^\\w-]", "?")
                    + "' is not a Slack channel id such as C0123ABCD");
            return;
        }
        AlertmanagerNotification notification;
        try {
            notification = AlertmanagerNotification.parse(body);
        } catch (AlertmanagerPayloadException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        try {
            AlertmanagerIntake.Outcome outcome = intake.accept(notification, channel);
            ObjectNode answer = json.createObjectNode().put("stored", outcome.stored())
                    .put("duplicates", outcome.duplicates()).put("recovered", outcome.recovered());
            send(response, HttpServletResponse.SC_OK, answer);
        } catch (StoreException e) {
            LOG.error("alertmanager webhook: {}", e.getMessage());
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the incident database is not available; retry");
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, json.createObjectNode().put("error", message));
    }

    private void send(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
