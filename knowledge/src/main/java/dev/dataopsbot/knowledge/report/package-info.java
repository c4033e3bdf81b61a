/**
 * The reliability report: incidents by failure mode with time to acknowledge and resolve, each
 * rule's decisions and their precision from feedback, the noisiest fingerprints, open and SEV1/SEV2
 * incidents over a window such as the last 7 days,
 * rendered as text or JSON. A fixed handful of queries in one read transaction does the counting
 * in SQLite; the percentiles are computed in Java over durations fetched in bulk (SQLite has no
 * percentile function), and alert counts come from each incident's {@code alert_count} rather
 * than a scan of every alert, which relies on how the store routes alerts to incidents.
 */
package dev.dataopsbot.knowledge.report;
