package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.bot.metrics.BotMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}, in place of Bolt's servlet, which reads any body whole before a
 * signature is checked and lets Bolt's middleware call Slack for unsigned requests. In order: the
 * body's size (413) and a share of the {@link BodyBudget} (503); the signature on the raw bytes
 * (401); replays of an already answered signature (200 with an empty body, nothing run; 503 when
 * the replay memory is full); the body's form (400); only then does Bolt see the request. Every
 * error is one line of JSON; an exception in Bolt is logged and answered 500 naming nothing
 * internal.
 */
final class SlackEventsServlet extends HttpServlet {

    static final String PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient BodyLimit limit;
    private final transient RequestSignature signatures;
    private final transient ReplayGuard replays;
    private final transient BoltRequests requests;
    private final transient BotMetrics metrics;

    SlackEventsServlet(App app, BodyLimit limit, RequestSignature signatures, ReplayGuard replays, BotMetrics metrics) {
        this.app = app;
        this.limit = limit;
        this.signatures = signatures;
        this.replays = replays;
        this.requests = new BoltRequests(app.config());
        this.metrics = metrics;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (BodyLimit.Body body = limit.read(request)) {
            String signature = request.getHeader(RequestSignature.SIGNATURE);
            Instant signedAt = signatures.verify(request.getHeader(RequestSignature.TIMESTAMP), signature, body.bytes());
            if (!replays.firstSeen(signature, signedAt)) {
                metrics.rejected(PATH, "replayed");
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentLength(0);
                return;
            }
            boolean answered = false;
            try {
                Request<?> slackRequest = requests.parse(new String(body.bytes(), StandardCharsets.UTF_8), request);
                answered = run(slackRequest, response);
            } finally {
                if (!answered) {
                    replays.forget(signature);
                }
            }
        } catch (RejectedRequest e) {
            metrics.rejected(PATH, e.reason());
            if (e.status() == 413) {
                if (!BodyLimit.discardRest(request)) {
                response.setHeader("Connection", "close");  // the rest of the body is not read
            }
            }
            JsonError.send(response, e.status(), e.getMessage());
        }
    }

    /** Runs Bolt and writes its answer; true when that answer was 2xx. */
    private boolean run(Request<?> slackRequest, HttpServletResponse response) throws IOException {
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            LOG.error("Slack request ({}) failed: {}", slackRequest.getRequestType(), e.toString(), e);
            JsonError.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "the bot could not handle this request; its log has the details");
            return false;
        }
        int status = answer.getStatusCode() == null ? HttpServletResponse.SC_OK : answer.getStatusCode();
        response.setStatus(status);
        Map<String, List<String>> headers = answer.getHeaders() == null ? Map.of() : answer.getHeaders();
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (answer.getContentType() != null) {
            response.setContentType(answer.getContentType());
        }
        if (answer.getBody() != null) {
            byte[] bytes = answer.getBody().getBytes(StandardCharsets.UTF_8);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
        return status >= 200 && status < 300;
    }
}
