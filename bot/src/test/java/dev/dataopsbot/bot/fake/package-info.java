/**
 * Stand-ins for what cannot run here: Slack's Web API (and response URLs, file uploads, Socket
 * Mode's connection URL) on 127.0.0.1, and requests signed as Slack signs them. They record what
 * the bot sent so tests assert on real HTTP traffic.
 */
package dev.dataopsbot.bot.fake;
