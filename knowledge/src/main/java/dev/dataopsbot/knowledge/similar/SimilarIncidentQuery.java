package dev.dataopsbot.knowledge.similar;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * What a new alert looks like, to find past incidents like it: built from a triage verdict, never
 * parsed from user syntax.
 *
 * @param failureMode the mode the classifier chose; past incidents of that mode rank first
 * @param system      the failing system ({@code snowflake}, ...), preferred a little; may be empty
 * @param text        the alert's evidence lines and title, analysed into terms
 * @param exclude     the new alert's own incident, never returned; may be null
 */
public record SimilarIncidentQuery(String failureMode, String system, String text, IncidentKey exclude) {

    public SimilarIncidentQuery {
        failureMode = failureMode == null ? "" : failureMode.strip();
        system = system == null ? "" : system.strip();
        text = text == null ? "" : text;
    }
}
