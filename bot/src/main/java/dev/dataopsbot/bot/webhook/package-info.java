/**
 * Prometheus Alertmanager webhook payloads (version 4, and Grafana's same-shaped version 1):
 * {@link dev.dataopsbot.bot.webhook.AlertmanagerNotification}
 * reads the body with a small hand-written Jackson tree reader that names the first problem for a
 * 400 answer, and each {@link dev.dataopsbot.bot.webhook.AlertmanagerAlert} renders itself as
 * bounded alert text for the one triage path; {@link dev.dataopsbot.bot.webhook.AlertmanagerSourceAlert}
 * describes it for the alert card, with the labels to show kept as data ({@code alert-card.txt}). The trade-off: strict where Alertmanager is exact
 * (version, statuses, times), lenient elsewhere (unknown fields ignored) so a newer Alertmanager
 * keeps working.
 */
package dev.dataopsbot.bot.webhook;
