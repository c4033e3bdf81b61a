/**
 * One triage, one code path: {@link dev.dataopsbot.bot.triage.TriageService} turns raw text into
 * a {@link dev.dataopsbot.bot.triage.Triage} (verdict plus runbooks); renderers format it as text
 * or contract JSON, and {@link dev.dataopsbot.bot.triage.BatchTriage} runs it over JSON Lines.
 */
package dev.dataopsbot.bot.triage;
