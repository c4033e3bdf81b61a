/**
 * {@code rules backtest}: replays stored alerts, or a labelled case file, through a candidate
 * rule pack and the current knowledge, and reports what would change before it is deployed.
 */
package dev.dataopsbot.bot.backtest;
