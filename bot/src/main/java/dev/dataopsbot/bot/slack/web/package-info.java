/**
 * Slack's Web API as the bot uses it: posting, updating, ephemeral replies, modals, file uploads
 * and response URLs, each call retried on HTTP 429 (after {@code Retry-After}) and on transient
 * failures (with backoff), and posts paced to about one per second per channel. Calls block the
 * background worker that makes them; that is the price of never dropping a reply.
 */
package dev.dataopsbot.bot.slack.web;
