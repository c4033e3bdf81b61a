/**
 * The picocli command line: one class per command, one error handler that turns every failure
 * into a one-line message and an exit code (0 ok, 1 reported failure, 2 bad usage).
 */
package dev.dataopsbot.bot.cli;
