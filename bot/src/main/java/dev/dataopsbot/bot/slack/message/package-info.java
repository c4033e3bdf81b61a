/**
 * Block Kit rendering of the Slack app: one class per message or modal, built from what the incident
 * store holds so a message can be re-rendered after any change, and tested against golden JSON. Slack's
 * size limits are enforced in one place ({@link dev.dataopsbot.bot.slack.message.BlockText}), which cuts
 * and says so rather than letting Slack reject a whole message over one long log line.
 */
package dev.dataopsbot.bot.slack.message;
