/**
 * The Slack app on Bolt for Java: one handler class per interaction, request freshness on top of
 * Bolt's signature check, and the Web API client pointed at {@code SLACK_API_URL}. Handlers
 * acknowledge within Slack's 3 s; this is the only package that knows Slack's payloads.
 */
package dev.dataopsbot.bot.slack;
