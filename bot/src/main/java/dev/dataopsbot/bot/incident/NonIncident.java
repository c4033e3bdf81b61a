package dev.dataopsbot.bot.incident;

import java.util.Optional;

import dev.dataopsbot.bot.alert.AlertSignals;
import dev.dataopsbot.bot.alert.Recovery;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SourceIdentity;

/**
 * Messages that are not incidents: a success or recovery notice, and input that is not text. A
 * notice is a verdict that says it reports no failure: the rules said the run ended in success or
 * the source recovered, or nothing was recognised and the text opens with {@code succeeded},
 * {@code [RESOLVED]}, {@code ALARM -> OK}, {@code Status: Success} and no failure word (the triage
 * service marks those). A {@code pii_exposure} is always an incident, even in a successful run.
 * Recording one opens no incident; the reason says what it was, and for a recovery whose pipeline
 * object still has an open incident, which one to resolve (the person decides: pasting a notice
 * changes nothing).
 */
public final class NonIncident {

    private static final String PII_EXPOSURE = "pii_exposure";

    private final AlertSignals signals = new AlertSignals();
    private final IncidentStore store;

    public NonIncident(IncidentStore store) {
        this.store = store;
    }

    /** Why {@code triage} should open no incident; empty when it is one. */
    public Optional<String> why(Triage triage) {
        if (TriageService.looksBinary(triage.redactedText())) {
            return Optional.of("the input is not text (mostly bytes that are not UTF-8), so there is nothing to record");
        }
        if (!triage.verdict().notAFailure() || triage.verdict().failureMode().equals(PII_EXPOSURE)) {
            return Optional.empty();
        }
        Optional<Recovery> notice = signals.notice(triage.redactedText());
        String what = notice.map(n -> "a success or recovery notice ('" + n.reason() + "')")
                .orElse("a success or recovery notice");
        Optional<Incident> open = store.findOpen(SourceIdentity.fromEntities(triage.verdict().entities()));
        return Optional.of(what + ": nothing failed, so no incident was opened"
                + open.map(i -> "; " + i.key() + " about the same pipeline is still " + i.status().id()
                        + ": resolve it with `incident resolve " + i.key() + " \"...\"` if this ends it")
                .orElse(""));
    }
}
