package dev.dataopsbot.bot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * Which labels and annotations of an Alertmanager or Grafana alert the triage message shows, read
 * from the bundled {@code alert-card.txt}: the labels shown first and in what order, the noisy
 * ones never shown, and the annotations that hold links. The lists are data so that a reader can
 * check and change them without reading Java.
 */
public final class AlertCardLayout {

    static final String RESOURCE = "dev/dataopsbot/bot/webhook/alert-card.txt";

    private final List<String> first;
    private final List<String> hidden;
    private final List<String> hiddenIfSameAsJob;
    private final int maxLabels;
    private final Map<String, String> linkAnnotations;

    AlertCardLayout(List<String> first, List<String> hidden, List<String> hiddenIfSameAsJob, int maxLabels,
                    Map<String, String> linkAnnotations) {
        this.first = List.copyOf(first);
        this.hidden = List.copyOf(hidden);
        this.hiddenIfSameAsJob = List.copyOf(hiddenIfSameAsJob);
        this.maxLabels = maxLabels;
        this.linkAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(linkAnnotations));
    }

    /** The bundled layout. */
    public static AlertCardLayout bundled() {
        try (InputStream in = AlertCardLayout.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static AlertCardLayout parse(String text) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 'name: word word ...'");
            }
            lists.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip().split("\\s+")));
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (String pair : lists.getOrDefault("link-annotations", List.of())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(RESOURCE + ": link-annotations: expected annotation=Name, got '" + pair + "'");
            }
            links.put(pair.substring(0, eq), pair.substring(eq + 1).replace('_', ' '));
        }
        return new AlertCardLayout(lists.getOrDefault("first", List.of()), lists.getOrDefault("hidden", List.of()),
                lists.getOrDefault("hidden-if-same-as-job", List.of()),
                Integer.parseInt(lists.getOrDefault("max-labels", List.of("12")).get(0)), links);
    }

    /**
     * The labels that identify what fires, in the order shown: the {@code first} ones in their
     * order, then the others sorted by name, without the hidden ones, at most {@code max-labels}.
     */
    public List<SourceAlert.Label> identifying(Map<String, String> labels) {
        Map<String, String> rest = new TreeMap<>(labels);
        rest.keySet().removeIf(this::isHidden);
        String job = labels.get("job");
        rest.entrySet().removeIf(e -> e.getValue().isBlank()
                || (hiddenIfSameAsJob.contains(e.getKey()) && e.getValue().equals(job)));
        List<SourceAlert.Label> shown = new ArrayList<>();
        for (String name : first) {
            String value = rest.remove(name);
            if (value != null) {
                shown.add(new SourceAlert.Label(name, value));
            }
        }
        rest.forEach((name, value) -> shown.add(new SourceAlert.Label(name, value)));
        return shown.size() <= maxLabels ? shown : List.copyOf(shown.subList(0, maxLabels));
    }

    /** Annotation name to the name its link is shown under, in the order links are shown. */
    public Map<String, String> linkAnnotations() {
        return linkAnnotations;
    }

    private boolean isHidden(String label) {
        for (String pattern : hidden) {
            if (pattern.endsWith("*") ? label.startsWith(pattern.substring(0, pattern.length() - 1)) : label.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
