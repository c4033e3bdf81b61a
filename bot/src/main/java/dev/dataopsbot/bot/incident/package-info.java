/**
 * The bot's side of the incident store: opening it for one data folder, recording a
 * {@link dev.dataopsbot.bot.triage.Triage} as an incident, and rendering incidents as text and JSON. The
 * store knows nothing of verdicts or Slack; this package translates.
 */
package dev.dataopsbot.bot.incident;
