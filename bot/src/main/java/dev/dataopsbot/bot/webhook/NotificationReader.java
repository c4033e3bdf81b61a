package dev.dataopsbot.bot.webhook;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads an Alertmanager version 4 body (or Grafana's webhook body, which has the same shape) from a Jackson tree, checking each field it uses and naming
 * the path of the first bad one ({@code alerts[3].labels.severity}). Absent and {@code null}
 * optional fields read as null or empty; unknown fields are ignored.
 */
final class NotificationReader {

    static final String VERSION = "4";
    /**
     * Grafana's webhook contact point sends Alertmanager's fields as its version {@code "1"}, with
     * {@code orgId}, {@code title}, {@code state} and {@code message} beside them, and per alert
     * {@code silenceURL}, {@code dashboardURL}, {@code panelURL} and {@code values}.
     */
    static final String GRAFANA_VERSION = "1";
    /** Go's zero time, which Alertmanager sends as the {@code endsAt} of a firing alert. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    AlertmanagerNotification read(byte[] body) {
        JsonNode root = tree(body);
        if (root == null || root.isMissingNode()) {
            throw problem("body is empty, expected an Alertmanager webhook JSON object");
        }
        if (!root.isObject()) {
            throw problem("body is " + kind(root) + ", expected an Alertmanager webhook JSON object");
        }
        String version = optionalString(root, "version", "version");
        if (version == null) {
            throw problem("version is missing, expected \"" + VERSION + "\"");
        }
        if (!VERSION.equals(version) && !(GRAFANA_VERSION.equals(version) && root.has("orgId"))) {
            throw problem("version is \"" + version + "\", only Alertmanager webhook version \"" + VERSION
                    + "\" (or Grafana's \"" + GRAFANA_VERSION + "\" with orgId) is supported");
        }
        JsonNode alerts = root.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw problem("alerts is missing, expected an array of alerts");
        }
        if (!alerts.isArray()) {
            throw problem("alerts is " + kind(alerts) + ", expected an array of alerts");
        }
        List<AlertmanagerAlert> read = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            read.add(alert(alerts.get(i), "alerts[" + i + "]"));
        }
        String status = optionalString(root, "status", "status");
        if (status != null) {
            requireStatus(status, "status");
        }
        return new AlertmanagerNotification(version, optionalString(root, "groupKey", "groupKey"), status,
                optionalString(root, "receiver", "receiver"), strings(root, "groupLabels", "groupLabels"),
                strings(root, "commonLabels", "commonLabels"),
                strings(root, "commonAnnotations", "commonAnnotations"),
                optionalString(root, "externalURL", "externalURL"), truncatedAlerts(root), read);
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw problem("body is not JSON: " + withoutSource(oneLine(e.getOriginalMessage())) + where);
        } catch (IOException e) {
            throw problem("body could not be read: " + oneLine(e.getMessage()));
        }
    }

    private static AlertmanagerAlert alert(JsonNode alert, String path) {
        if (!alert.isObject()) {
            throw problem(path + " is " + kind(alert) + ", expected an alert object");
        }
        String status = optionalString(alert, "status", path + ".status");
        if (status == null) {
            throw problem(path + ".status is missing, expected firing or resolved");
        }
        requireStatus(status, path + ".status");
        return new AlertmanagerAlert(status, optionalString(alert, "fingerprint", path + ".fingerprint"),
                strings(alert, "labels", path + ".labels"), strings(alert, "annotations", path + ".annotations"),
                time(alert, "startsAt", path + ".startsAt"), time(alert, "endsAt", path + ".endsAt"),
                optionalString(alert, "generatorURL", path + ".generatorURL"),
                new AlertmanagerAlert.GrafanaLinks(optionalString(alert, "silenceURL", path + ".silenceURL"),
                        optionalString(alert, "dashboardURL", path + ".dashboardURL"),
                        optionalString(alert, "panelURL", path + ".panelURL")));
    }

    private static void requireStatus(String status, String path) {
        if (!AlertmanagerAlert.FIRING.equals(status) && !AlertmanagerAlert.RESOLVED.equals(status)) {
            throw problem(path + " is \"" + shortened(status) + "\", expected firing or resolved");
        }
    }

    private static String optionalString(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw problem(path + " is " + kind(value) + ", expected a string");
        }
        return value.textValue();
    }

    private static Map<String, String> strings(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw problem(path + " is " + kind(value) + ", expected an object of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw problem(path + "." + shortened(entry.getKey()) + " is " + kind(entry.getValue())
                        + ", expected a string");
            }
            strings.put(entry.getKey(), entry.getValue().textValue());
        }
        return strings;
    }

    /** An RFC 3339 time; Go's zero time and absence read as null. */
    private static Instant time(JsonNode object, String field, String path) {
        String text = optionalString(object, field, path);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return instant.equals(ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw problem(path + " is \"" + shortened(text)
                    + "\", expected an RFC 3339 time such as 2024-05-01T12:00:00Z");
        }
    }

    private static int truncatedAlerts(JsonNode root) {
        JsonNode value = root.get("truncatedAlerts");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw problem("truncatedAlerts is " + shortened(value.toString()) + ", expected a whole number of 0 or more");
        }
        return value.intValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not a JSON value";
        };
    }

    /** A received value quoted in a message: one line, at most 80 characters. */
    private static String shortened(String value) {
        String line = oneLine(value);
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    /**
     * Drops the source description from a location inside Jackson's message
     * ({@code [Source: REDACTED ...; line: 2, column: 13]}), keeping the place.
     */
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^\\]]*?(line: \\d+, column: \\d+)\\]", "$1");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static AlertmanagerPayloadException problem(String message) {
        return new AlertmanagerPayloadException(message);
    }
}
