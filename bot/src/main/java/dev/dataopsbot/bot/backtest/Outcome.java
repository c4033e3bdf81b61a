package dev.dataopsbot.bot.backtest;

/**
 * A decision on one alert: the mode and what decided it.
 *
 * @param mode    a taxonomy id
 * @param decider the rule, catalogue entry or case that decided, or null (nothing did, or not recorded)
 */
public record Outcome(String mode, String decider) {
}
