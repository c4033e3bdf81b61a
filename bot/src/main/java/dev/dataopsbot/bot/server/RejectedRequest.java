package dev.dataopsbot.bot.server;

/**
 * A request answered before any handler sees it: the HTTP status, the reason counted in
 * {@code dataops_http_rejected_total} and the one-line message of the JSON error. The message is
 * written for the sender and names nothing internal.
 */
final class RejectedRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    RejectedRequest(int status, String reason, String message) {
        super(message, null, false, false);  // an expected answer, not a failure: no stack trace to fill
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
