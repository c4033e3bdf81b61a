/**
 * The Slack app on Bolt for Java: the {@code /dataops} subcommands, the triage message's buttons
 * and modals, alerts that integrations post in channels ({@link dev.dataopsbot.bot.slack.ChannelMessages})
 * and Alertmanager notifications ({@link dev.dataopsbot.bot.slack.AlertmanagerIntake}). Handlers
 * acknowledge within Slack's 3 s and do the rest on a bounded executor; alerts that arrive
 * unasked are stored with a reply-pending mark before the ack, so a crash loses no reply, at the
 * price of a classification in the request thread. This is the only package that knows Slack's
 * payloads.
 */
package dev.dataopsbot.bot.slack;
