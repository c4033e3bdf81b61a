package dev.dataopsbot.knowledge.summary;

import java.util.regex.Pattern;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.SourceIdentity;

/**
 * The summary's title: the incident, not a log line. With a pipeline object it is the failure
 * mode, the system and the object ({@code credential_expiry in snowflake: orders_daily.load_orders})
 * whatever title the incident was stored with; without one, the stored title with any log prefix
 * (a timestamp, {@code [...]}, {@code {file.py:12}}, a level, a field name such as
 * {@code description:}) taken off the text after the mode.
 */
final class SummaryTitle {

    private static final Pattern LOG_PREFIX = Pattern.compile(
            "^(?:\\s|\\[[^\\]]{0,80}\\]|\\{[^}]{0,80}\\}|\\d{4}-\\d{2}-\\d{2}[T ,]*\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*UTC|Z|[+-]\\d{2}:?\\d{2})?"
                    + "|\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?|(?i:info|warn(?:ing)?|error|debug|fatal|critical)\\b\\s*[-:|]?"
                    + "|[*_]*[A-Za-z][\\w ]{0,30}[*_]*:\\s(?=\\S))+");

    private SummaryTitle() {
    }

    static String of(Incident incident) {
        SourceIdentity source = incident.source();
        if (source.namesObject()) {
            return incident.failureMode() + (source.system() == null ? "" : " in " + source.system()) + ": "
                    + source.objectName();
        }
        String title = incident.title();
        int colon = title.indexOf(": ");
        if (colon < 0) {
            return title;
        }
        String rest = LOG_PREFIX.matcher(title.substring(colon + 2)).replaceFirst("").strip();
        return rest.isEmpty() ? title.substring(0, colon) : title.substring(0, colon + 2) + rest;
    }
}
