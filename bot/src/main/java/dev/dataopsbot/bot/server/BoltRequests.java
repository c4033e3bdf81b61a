package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Bolt's request from a verified body, as Bolt's servlet adapter builds it, after a strict check
 * that the body is what Slack sends: a JSON object (Events API), or a form whose fields decode and
 * whose {@code payload} field, if any, is a JSON object (slash commands, interactivity). Bolt's own
 * parsing is lenient and fails deep inside handlers; a body that fails here is answered 400.
 */
final class BoltRequests {

    private final SlackRequestParser parser;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    BoltRequests(AppConfig config) {
        this.parser = new SlackRequestParser(config);
    }

    Request<?> parse(String body, HttpServletRequest http) throws RejectedRequest {
        checkWellFormed(body);
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getRequestURI())
                    .queryString(QueryStringParser.toMap(http.getQueryString()))
                    .headers(new RequestHeaders(headers(http)))
                    .requestBody(body)
                    .remoteAddress(http.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            throw malformed("the body is not a Slack request Bolt can read");
        }
        if (request == null) {
            throw malformed("the body is not a Slack event, slash command or interaction");
        }
        return request;
    }

    private void checkWellFormed(String body) throws RejectedRequest {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            throw malformed("empty body");
        }
        if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
            jsonObject(trimmed, "the body");
            return;
        }
        for (String field : trimmed.split("&")) {
            int eq = field.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? field : field.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("payload")) {
                    jsonObject(value, "the payload field");
                }
            } catch (IllegalArgumentException e) {
                throw malformed("a form field is not URL-encoded");
            }
        }
    }

    private void jsonObject(String text, String what) throws RejectedRequest {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            throw malformed(what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw malformed(what + " is not a JSON object");
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, Collections.list(http.getHeaders(name)));
        }
        return headers;
    }

    private static RejectedRequest malformed(String problem) {
        return new RejectedRequest(400, "malformed", problem);
    }
}
