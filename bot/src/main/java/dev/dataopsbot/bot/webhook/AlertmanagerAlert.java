package dev.dataopsbot.bot.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert of an Alertmanager notification.
 *
 * @param status       {@code firing} or {@code resolved}
 * @param fingerprint  Alertmanager's identity of the alert (a hash of its labels), the same in its
 *                     firing and resolved notifications; may be null from other senders
 * @param labels       identifying labels, {@code alertname} among them
 * @param annotations  descriptive annotations ({@code summary}, {@code description}, {@code runbook_url}, ...)
 * @param startsAt     when the alert started firing; null when not sent
 * @param endsAt       when it resolved; null while firing (Alertmanager sends the zero time)
 * @param generatorUrl link to the expression in Prometheus (the rule in Grafana); may be null
 * @param grafana      the links Grafana adds to each alert; all null from Alertmanager
 */
public record AlertmanagerAlert(String status, String fingerprint, Map<String, String> labels,
                                Map<String, String> annotations, Instant startsAt, Instant endsAt,
                                String generatorUrl, GrafanaLinks grafana) {

    /**
     * Grafana's own links to an alert ({@code silenceURL}, {@code dashboardURL}, {@code panelURL});
     * each null or empty when not sent.
     */
    public record GrafanaLinks(String silenceUrl, String dashboardUrl, String panelUrl) {

        public static final GrafanaLinks NONE = new GrafanaLinks(null, null, null);
    }

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** Labels shown first, in this order: the ones an on-call engineer reads first. */
    private static final List<String> LEADING_LABELS = List.of("job", "instance", "severity", "namespace", "pod");
    private static final List<String> LEADING_ANNOTATIONS = List.of("summary", "description", "runbook_url");

    /** An alert from Alertmanager, without Grafana's links. */
    public AlertmanagerAlert(String status, String fingerprint, Map<String, String> labels,
                             Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorUrl) {
        this(status, fingerprint, labels, annotations, startsAt, endsAt, generatorUrl, GrafanaLinks.NONE);
    }

    public AlertmanagerAlert {
        grafana = grafana == null ? GrafanaLinks.NONE : grafana;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public boolean firing() {
        return FIRING.equals(status);
    }

    public boolean resolved() {
        return RESOLVED.equals(status);
    }

    /** The {@code alertname} label, or {@code (no alertname)}. */
    public String alertName() {
        return labels.getOrDefault("alertname", "(no alertname)");
    }

    /**
     * This alert's state as a delivery, for handling Alertmanager's re-sends exactly once: its
     * dedupe key, status and start. A re-send of the same state, in any notification, has the
     * same id; the same alert resolving, or firing again later, has a new one. Alertmanager's
     * {@code repeat_interval} reminder of an unchanged alert has the same id on purpose: it says
     * nothing new.
     */
    public String deliveryId() {
        return dedupeKey() + "/" + status + "/" + (startsAt == null ? "" : startsAt.toString());
    }

    /**
     * The key that ties this alert's firing and resolved notifications together:
     * {@code alertmanager:} and the fingerprint, or, when the sender left it out, and a SHA-256 of
     * the sorted labels (so the order labels arrive in does not matter).
     */
    public String dedupeKey() {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return "alertmanager:" + fingerprint.strip();
        }
        Sha256 hash = new Sha256();
        new TreeMap<>(labels).forEach((name, value) -> hash.add(name).add(value));
        return "alertmanager:" + hash.hex();
    }

    /**
     * The alert as text for the classifier: {@code [FIRING] alertname}, then summary and description,
     * the labels ({@code job instance severity namespace pod} first, the rest sorted), the runbook
     * URL, the other annotations sorted, and the times. Each value is cut at 8 KiB and the whole at
     * 64 KiB, each cut marked {@code (cut)}.
     */
    public String text() {
        CappedText text = new CappedText();
        text.literal("[" + (resolved() ? "RESOLVED" : "FIRING") + "] ").value(alertName());
        annotation(text, "summary");
        annotation(text, "description");
        labelLine(text);
        annotation(text, "runbook_url");
        new TreeMap<>(annotations).forEach((name, value) -> {
            if (!LEADING_ANNOTATIONS.contains(name)) {
                text.newline().value(name).literal(": ").value(value);
            }
        });
        if (startsAt != null) {
            text.newline().literal("startsAt: " + startsAt);
        }
        if (endsAt != null && resolved()) {
            text.newline().literal("endsAt: " + endsAt);
        }
        return text.toString();
    }

    private void annotation(CappedText text, String name) {
        String value = annotations.get(name);
        if (value != null && !value.isBlank()) {
            text.newline().literal(name + ": ").value(value);
        }
    }

    private void labelLine(CappedText text) {
        Map<String, String> rest = new TreeMap<>(labels);
        rest.remove("alertname");
        boolean first = true;
        for (String name : LEADING_LABELS) {
            String value = rest.remove(name);
            if (value != null) {
                label(text, first, name, value);
                first = false;
            }
        }
        for (Map.Entry<String, String> entry : rest.entrySet()) {
            label(text, first, entry.getKey(), entry.getValue());
            first = false;
        }
    }

    private static void label(CappedText text, boolean first, String name, String value) {
        (first ? text.newline() : text.literal(" ")).value(name).literal("=").value(value);
    }
}
