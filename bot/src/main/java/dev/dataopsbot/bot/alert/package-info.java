/**
 * Alerts that integrations post into a channel: {@link dev.dataopsbot.bot.alert.AlertMessageText}
 * flattens a message's text, legacy attachments and Block Kit blocks into one plain-text alert, and
 * {@link dev.dataopsbot.bot.alert.AlertSignals} decides whether to triage it, whether it reports a
 * recovery, and whether to skip it. Pure functions over the event JSON, no Slack calls; the signals
 * are word heuristics tuned on real integration formats, so they favour a missed recovery over a
 * false one (failure words on the title win over weak success words).
 */
package dev.dataopsbot.bot.alert;
