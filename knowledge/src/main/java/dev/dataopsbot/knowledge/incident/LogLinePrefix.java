package dev.dataopsbot.knowledge.incident;

import java.util.regex.Pattern;

/**
 * What only locates a message in a log or an alert, taken off the start of a line: a timestamp
 * ({@code [2024-05-14, 04:00:06 UTC]}), the log source ({@code {taskinstance.py:1234}}), a level
 * ({@code ERROR -}), a bullet, a field name ({@code *Exception*:}, {@code description:}). Incident
 * titles quote the rest, when a new incident is titled and when a summary titles an incident
 * stored before that.
 */
public final class LogLinePrefix {

    /** What may precede the message on a log or alert line, removed one at a time from its start. */
    private static final Pattern[] PREFIXES = {
        // [2024-05-14, 04:00:06 UTC], [2026-11-25 03:12:09,123], (2024-05-14T04:00:06Z)
        Pattern.compile("^[\\[(]\\d{4}-\\d{2}-\\d{2}[^\\])]{0,40}[\\])]\\s*"),
        // 2024-05-14T04:00:06.123Z, 2024-05-14 04:00:06,123 UTC
        Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?:[T ,]+\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2}|\\s+UTC)?\\s*"),
        // 04:00:06 or 04:00:06.123
        Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\s+"),
        // {taskinstance.py:1234}
        Pattern.compile("^\\{[^}\\s]{1,80}\\}\\s*"),
        // ERROR - , [ERROR], ERROR:, WARN
        Pattern.compile("^\\[?(?:FATAL|CRITICAL|ERROR|ERR|WARNING|WARN|INFO)\\]?(?:\\s*[-:|]\\s*|\\s+)", Pattern.CASE_INSENSITIVE),
        // - , • , > , * (a bullet, not *bold*)
        Pattern.compile("^[-•>]\\s+|^\\*\\s+"),
        // *Exception*: , *Description:* , *Log Url* :
        Pattern.compile("^\\*[^*\\n]{1,40}?:?\\*\\s*:?\\s*"),
        // description: , summary = , message: (field names alerts use, not error class names)
        Pattern.compile("^(?:description|summary|message|msg|details?|reason|cause|exception|error|alert|title|text|log)"
                + "\\s*[:=]\\s*", Pattern.CASE_INSENSITIVE),
    };

    private LogLinePrefix() {
    }

    /** An evidence line without its leading timestamp, log source, level, bullet and field name. */
    public static String strip(String line) {
        String rest = line.strip();
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (Pattern prefix : PREFIXES) {
                String stripped = prefix.matcher(rest).replaceFirst("");
                if (!stripped.equals(rest)) {
                    rest = stripped.strip();
                    changed = true;
                }
            }
        }
        return rest.replaceAll("^`{3}|`{3}$", "").strip();
    }
}
