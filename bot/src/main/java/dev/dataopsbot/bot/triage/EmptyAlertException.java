package dev.dataopsbot.bot.triage;

/** The alert had no text to classify. */
public final class EmptyAlertException extends RuntimeException {

    public EmptyAlertException() {
        super("the alert is empty: paste the alert or log text, or pass a file with it");
    }
}
