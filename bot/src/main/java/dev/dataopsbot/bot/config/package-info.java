/**
 * Typed configuration read once from the environment and overridden by flags; the only place
 * that reads environment variables, so a bad value fails at start-up with its name.
 */
package dev.dataopsbot.bot.config;
