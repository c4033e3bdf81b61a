package dev.dataopsbot.bot.backtest;

/**
 * How the alerts a person confirmed as one mode fare before and after.
 *
 * @param confirmed how many alerts were confirmed as the mode
 * @param before    how many the baseline named right
 * @param after     how many the candidate names right
 */
public record ModeAccuracy(String mode, int confirmed, int before, int after) {
}
