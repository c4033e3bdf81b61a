/**
 * What each stored incident was classified on, read back for replaying through a changed rule
 * pack ({@code rules backtest}): the first alert's redacted text, the mode and decider recorded
 * then, and what people said of it since.
 */
package dev.dataopsbot.knowledge.backtest;
