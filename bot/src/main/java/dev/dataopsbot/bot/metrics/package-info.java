/**
 * What {@code serve} counts and times, exposed at {@code /metrics} in Prometheus text format.
 * One class owns every meter name so the list in the docs has a single source.
 */
package dev.dataopsbot.bot.metrics;
