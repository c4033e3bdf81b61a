/**
 * The HTTP server of {@code serve}: Jetty 12 with {@code /slack/events}, {@code /webhooks/alertmanager},
 * {@code /healthz} and {@code /metrics}, plain servlets and no framework. It is the bot's front door:
 * a body's size is checked before it is read and every body is held against one byte budget, so
 * no request can exhaust a 128 MB heap; Slack's signature is checked on the raw bytes, and replays
 * refused, before Bolt or any Slack call sees a request; every error is one line of JSON naming
 * nothing internal. The trade-off: Bolt's servlet adapter is replaced by our own, which follows
 * Bolt's request parsing and must follow its changes.
 */
package dev.dataopsbot.bot.server;
