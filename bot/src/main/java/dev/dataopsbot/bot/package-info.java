/**
 * The application: {@link dev.dataopsbot.bot.Main} wires configuration, the triage service and
 * the command line by hand. The only module that knows about entry points (CLI now, Slack next).
 */
package dev.dataopsbot.bot;
