package dev.dataopsbot.knowledge.incident;

/**
 * A lifecycle command that cannot apply: an unknown key, a transition the incident's status does
 * not allow (resolving a resolved incident), missing text. Nothing was changed.
 */
public class LifecycleException extends RuntimeException {

    public LifecycleException(String message) {
        super(message);
    }
}
