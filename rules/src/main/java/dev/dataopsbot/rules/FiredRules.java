package dev.dataopsbot.rules;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** The names of the rules that fired in one session, in firing order, each once. */
final class FiredRules extends DefaultAgendaEventListener {

    private final Set<String> names = new LinkedHashSet<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
    }

    Set<String> names() {
        return Set.copyOf(names);
    }
}
