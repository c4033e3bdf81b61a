package dev.dataopsbot.knowledge.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two alerts "the same problem": the failure mode plus the stable identity of the
 * source (system, DAG/task, model, table). When the alert names no pipeline object, the first
 * evidence line stands in for it, with the parts that change from run to run masked out: run
 * ids, timestamps, UUIDs, hex ids and numbers. The fingerprint is readable text, because the
 * report lists the noisiest ones.
 */
public final class AlertFingerprint {

    static final int MAX_MESSAGE_CHARS = 120;

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[t ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?");
    private static final Pattern RUN_ID = Pattern.compile(
            "\\b(?:scheduled|manual|backfill|dataset_triggered)__[^\\s,;'\"]+|\\brun[_ -]?id[=: ]+[^\\s,;'\"]+");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?:0x)?(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private AlertFingerprint() {
    }

    /** The fingerprint of an alert with this mode, source and first evidence line (may be empty). */
    public static String of(String failureMode, SourceIdentity source, String firstEvidence) {
        List<String> parts = new ArrayList<>();
        parts.add(failureMode);
        add(parts, "system", source.system());
        add(parts, "dag", source.dagId());
        add(parts, "task", source.taskId());
        add(parts, "model", source.model());
        add(parts, "table", source.table());
        if (!source.namesObject() && firstEvidence != null && !firstEvidence.isBlank()) {
            parts.add("msg=" + maskMessage(firstEvidence));
        }
        return String.join(" ", parts);
    }

    /** The message with everything that varies between runs replaced by placeholders. */
    static String maskMessage(String message) {
        String s = message.toLowerCase(Locale.ROOT);
        s = TIMESTAMP.matcher(s).replaceAll("<time>");
        s = DATE.matcher(s).replaceAll("<time>");
        s = RUN_ID.matcher(s).replaceAll("<run>");
        s = UUID.matcher(s).replaceAll("<id>");
        s = HEX.matcher(s).replaceAll("<id>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s.length() > MAX_MESSAGE_CHARS ? s.substring(0, MAX_MESSAGE_CHARS) : s;
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + value.strip().toLowerCase(Locale.ROOT));
        }
    }
}
