package dev.dataopsbot.bot.backtest;

/** An alert whose mode the candidate rules change: {@code INC-3}, rate_limit → unknown. */
public record Change(String id, Outcome before, Outcome after) {
}
