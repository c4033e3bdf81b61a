package dev.dataopsbot.bot.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * An Alertmanager or Grafana alert as on-call reads it first: its name, the labels that identify
 * what fires ({@link AlertCardLayout}), its {@code summary} and {@code description}, and its
 * links: the runbook and dashboard annotations, Grafana's dashboard and panel, the
 * {@code generatorURL}, and a silence (Grafana's own {@code silenceURL}, else Alertmanager's
 * "New silence" form under {@code externalURL}, see {@link SilenceLink}). Values are taken as
 * sent: redaction and URL checks happen where they are stored and rendered. The one exception is
 * the silence link we build ourselves, which percent-encodes label values where redaction could
 * no longer see a secret: it is built only when no matcher holds anything redaction would change.
 */
public final class AlertmanagerSourceAlert {

    private final AlertCardLayout layout;

    public AlertmanagerSourceAlert(AlertCardLayout layout) {
        this.layout = layout;
    }

    /**
     * {@code alert} of {@code notification}, described.
     *
     * @param redact how alert text is redacted; a label it would change keeps the silence link out
     */
    public SourceAlert describe(AlertmanagerAlert alert, AlertmanagerNotification notification, UnaryOperator<String> redact) {
        List<SourceAlert.Label> labels = layout.identifying(alert.labels());
        Map<String, String> annotations = alert.annotations();
        Links links = new Links();
        layout.linkAnnotations().forEach((annotation, name) -> links.add(name, annotations.get(annotation)));
        AlertmanagerAlert.GrafanaLinks grafana = alert.grafana();
        links.add("Dashboard", grafana.dashboardUrl());
        links.add("Panel", grafana.panelUrl());
        links.add(notification.fromGrafana() ? "Alert rule" : "Prometheus graph", alert.generatorUrl());
        if (present(grafana.silenceUrl())) {
            links.add("Silence", grafana.silenceUrl());
        } else if (!notification.fromGrafana() && alert.labels().containsKey("alertname")) {
            List<SourceAlert.Label> matchers = new ArrayList<>();
            matchers.add(new SourceAlert.Label("alertname", alert.alertName()));
            matchers.addAll(labels);
            boolean clean = matchers.stream().allMatch(m -> redact.apply(m.name()).equals(m.name())
                    && redact.apply(m.value()).equals(m.value().strip()));
            if (clean) {
                SilenceLink.of(notification.externalUrl(), matchers).ifPresent(url -> links.add("Silence", url));
            }
        }
        return new SourceAlert(alert.labels().getOrDefault("alertname", ""), labels,
                annotations.getOrDefault("summary", "").strip(), annotations.getOrDefault("description", "").strip(),
                links.list);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Links in order, each URL once. */
    private static final class Links {

        private final List<SourceAlert.Link> list = new ArrayList<>();
        private final Set<String> urls = new LinkedHashSet<>();

        void add(String name, String url) {
            if (present(url) && urls.add(url.strip())) {
                list.add(new SourceAlert.Link(name, url.strip()));
            }
        }
    }
}
