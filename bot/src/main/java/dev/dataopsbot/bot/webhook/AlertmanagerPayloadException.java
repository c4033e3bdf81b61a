package dev.dataopsbot.bot.webhook;

/**
 * A webhook body that is not an Alertmanager version 4 payload. The message is one line naming the
 * problem and where it is ({@code alerts[3].status is "pending", expected firing or resolved}),
 * fit to be sent back in a 400 answer.
 */
public final class AlertmanagerPayloadException extends RuntimeException {

    public AlertmanagerPayloadException(String message) {
        super(message);
    }
}
