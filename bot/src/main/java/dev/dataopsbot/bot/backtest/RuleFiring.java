package dev.dataopsbot.bot.backtest;

import java.util.OptionalInt;

/**
 * How many replayed alerts a rule (or catalogue entry) fired on.
 *
 * @param before under the baseline; empty when the baseline is the recorded decision
 */
public record RuleFiring(String rule, OptionalInt before, int after) {
}
