package dev.dataopsbot.knowledge.similar;

import java.util.List;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * A resolved incident as the index sees it: what it looked like and what fixed it.
 *
 * @param objects    the pipeline objects it named: DAG, task, model, table (those known)
 * @param evidence   the evidence lines of its classification
 * @param resolution the text of its latest resolution
 * @param notes      notes, status updates and mitigations, oldest first
 */
record PastIncident(IncidentKey key, String title, String failureMode, String system, List<String> objects,
                    List<String> evidence, String resolution, List<String> notes, long resolvedInMinutes) {

    PastIncident {
        system = system == null ? "" : system;
        objects = List.copyOf(objects);
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
    }
}
