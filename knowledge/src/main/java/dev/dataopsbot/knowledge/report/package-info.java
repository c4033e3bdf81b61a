/**
 * The reliability report: incidents by failure mode with time to acknowledge and resolve, the
 * noisiest fingerprints, open and SEV1/SEV2 incidents over a window such as the last 7 days,
 * rendered as text or JSON. Counts and joins run in SQL in one read transaction, but the
 * percentiles are computed in Java over the fetched durations: SQLite has no percentile function,
 * and sorting a few hundred thousand numbers in memory is cheaper than a window query.
 */
package dev.dataopsbot.knowledge.report;
