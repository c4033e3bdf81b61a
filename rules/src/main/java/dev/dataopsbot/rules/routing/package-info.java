/**
 * Routing: the team's own file ({@code routing.yaml}) that says who is told about an alert, how
 * critical its dataset is and how low its severity may be, matched on what triage knows (failure
 * mode, system, entities, alert labels, severity). First match wins, so a file reads top-down
 * like an Alertmanager route tree flattened; the trade-off is that a broad route placed early
 * hides the specific ones below it, which {@code rules check} cannot detect for you.
 */
package dev.dataopsbot.rules.routing;
