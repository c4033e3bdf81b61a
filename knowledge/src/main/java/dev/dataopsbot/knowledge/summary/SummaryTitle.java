package dev.dataopsbot.knowledge.summary;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.LogLinePrefix;
import dev.dataopsbot.knowledge.incident.SourceIdentity;

/**
 * The summary's title: the incident, not a log line. With a pipeline object it is the failure
 * mode, the system and the object ({@code credential_expiry in snowflake: orders_daily.load_orders})
 * whatever title the incident was stored with; without one, the stored title with the log prefix
 * ({@link LogLinePrefix}) taken off the text after the mode, as new incidents are titled.
 */
final class SummaryTitle {

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
        String rest = LogLinePrefix.strip(title.substring(colon + 2));
        return rest.isEmpty() ? title.substring(0, colon) : title.substring(0, colon + 2) + rest;
    }
}
