package dev.dataopsbot.bot.webhook;

import java.util.List;
import java.util.Map;

/**
 * One Alertmanager webhook notification (payload version 4): a group of alerts sent together.
 * Field names follow Alertmanager's JSON ({@code externalURL} is {@link #externalUrl}).
 *
 * @param truncatedAlerts how many alerts Alertmanager left out because of {@code max_alerts}
 * @param alerts          the alerts, firing and resolved; may be empty
 */
public record AlertmanagerNotification(String version, String groupKey, String status, String receiver,
                                       Map<String, String> groupLabels, Map<String, String> commonLabels,
                                       Map<String, String> commonAnnotations, String externalUrl,
                                       int truncatedAlerts, List<AlertmanagerAlert> alerts) {

    public AlertmanagerNotification {
        groupLabels = groupLabels == null ? Map.of() : Map.copyOf(groupLabels);
        commonLabels = commonLabels == null ? Map.of() : Map.copyOf(commonLabels);
        commonAnnotations = commonAnnotations == null ? Map.of() : Map.copyOf(commonAnnotations);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** True when Grafana sent it (its webhook contact point's version {@code "1"}), not Alertmanager. */
    public boolean fromGrafana() {
        return NotificationReader.GRAFANA_VERSION.equals(version);
    }

    /**
     * Reads a webhook body. Unknown fields are ignored.
     *
     * @throws AlertmanagerPayloadException naming the first problem: not JSON (with line and
     *                                      column), not an object, a version other than 4, no
     *                                      {@code alerts} array, an alert's status, labels,
     *                                      annotations or times
     */
    public static AlertmanagerNotification parse(byte[] body) {
        return new NotificationReader().read(body);
    }
}
