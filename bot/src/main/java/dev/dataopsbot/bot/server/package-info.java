/**
 * The HTTP server of {@code serve}: Jetty 12 hosting Bolt's servlet at {@code /slack/events}, plus
 * {@code /healthz} and {@code /metrics}. Plain servlets, no framework: three endpoints do not need one.
 */
package dev.dataopsbot.bot.server;
