package dev.dataopsbot.knowledge.incident;

/** A command named an incident key the store has never issued. */
public final class IncidentNotFoundException extends LifecycleException {

    public IncidentNotFoundException(IncidentKey key) {
        super("no incident " + key + " (see `incidents` for the known keys)");
    }
}
