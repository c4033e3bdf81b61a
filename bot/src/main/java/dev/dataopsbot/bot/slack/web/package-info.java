/**
 * Slack's Web API as the bot uses it: posting, updating, ephemeral replies, modals, file uploads
 * and response URLs, each call retried on HTTP 429 (after {@code Retry-After}) and on transient
 * failures (with capped backoff). Posts and updates wait in their channel's lane (about one per
 * second per channel, a thread each while in flight, so one stuck channel holds no other).
 * Posts are never duplicated: each carries a {@link dev.dataopsbot.bot.slack.web.ReplyTag} as
 * message metadata and, after an unknown outcome, is looked up in Slack before it is sent again.
 * The price is a {@code conversations.history}/{@code replies} call after every 5xx or timeout.
 */
package dev.dataopsbot.bot.slack.web;
