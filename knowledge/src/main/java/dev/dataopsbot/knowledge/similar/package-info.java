/**
 * Knowledge from past incidents: resolved incidents indexed with Lucene on disk ({@link
 * dev.dataopsbot.knowledge.similar.PastIncidentIndex}), searched for the ones most like a new alert,
 * with what fixed them and how long it took. SQLite stays the source of truth: the index is a cache
 * that records how far into the timeline it is and catches up (or rebuilds itself) on refresh, which
 * costs a query per triage but never lets a lost or damaged index lose knowledge.
 */
package dev.dataopsbot.knowledge.similar;
