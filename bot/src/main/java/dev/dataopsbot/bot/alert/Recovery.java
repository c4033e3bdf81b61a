package dev.dataopsbot.bot.alert;

/**
 * A recovery or success notice: the alert it follows can be marked recovered.
 *
 * @param reason the marker that was found, as written in the message (e.g. {@code [RESOLVED]},
 *               {@code ALARM to OK}, {@code succeeded})
 */
public record Recovery(String reason) {
}
