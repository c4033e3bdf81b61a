package dev.dataopsbot.knowledge.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes two alerts "the same problem": the failure mode plus the stable identity of the
 * source (system, DAG/task, model, table). When the alert names no pipeline object, its message
 * template stands in for it ({@link MessageTemplate}): the first evidence line of its mode, else
 * the text's headline, with run ids, timestamps, ids, hex, paths, quoted values and numbers masked.
 * The fingerprint is readable text, because the report lists the noisiest ones and
 * {@code incident show} shows it.
 */
public final class AlertFingerprint {

    /** Where a fingerprint's message template begins. */
    private static final String TEMPLATE_MARK = "msg=";

    private AlertFingerprint() {
    }

    /** The message template a fingerprint holds; empty when it names a pipeline object (or nothing) instead. */
    public static Optional<String> template(String fingerprint) {
        int at = fingerprint.indexOf(TEMPLATE_MARK);
        return at < 0 ? Optional.empty() : Optional.of(fingerprint.substring(at + TEMPLATE_MARK.length()));
    }

    /**
     * The fingerprint of an alert with this mode, source and first evidence line (may be empty);
     * {@code text} is the whole alert, whose headline is the template when there is no evidence.
     */
    public static String of(String failureMode, SourceIdentity source, String firstEvidence, String text) {
        List<String> parts = new ArrayList<>();
        parts.add(failureMode);
        add(parts, "system", source.system());
        add(parts, "dag", source.dagId());
        add(parts, "task", source.taskId());
        add(parts, "model", source.model());
        add(parts, "table", source.table());
        if (!source.namesObject()) {
            Optional<String> template = firstEvidence != null && !firstEvidence.isBlank()
                    ? Optional.of(MessageTemplate.of(firstEvidence))
                    : MessageTemplate.headline(text == null ? "" : text);
            template.filter(t -> !t.isEmpty()).ifPresent(t -> parts.add(TEMPLATE_MARK + t));
        }
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + value.strip().toLowerCase(Locale.ROOT));
        }
    }
}
