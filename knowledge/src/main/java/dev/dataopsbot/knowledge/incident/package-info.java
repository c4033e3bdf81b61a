/**
 * The incident store: one SQLite file per data folder ({@link dev.dataopsbot.knowledge.incident.IncidentDatabase})
 * holding incidents and their append-only timelines. {@link dev.dataopsbot.knowledge.incident.IncidentStore}
 * turns triaged alerts into incidents (deduplicated by {@link dev.dataopsbot.knowledge.incident.AlertFingerprint})
 * and {@link dev.dataopsbot.knowledge.incident.IncidentLifecycle} applies what people do. Every command is one
 * {@code BEGIN IMMEDIATE} transaction on one connection shared by the process's threads: simpler and safer than a
 * pool, and SQLite serialises writers anyway; WAL keeps readers of other processes unblocked.
 */
package dev.dataopsbot.knowledge.incident;
