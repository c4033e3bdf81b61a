package dev.dataopsbot.bot.slack;

import java.util.Optional;

import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.MessageRef;

/**
 * Pages Security for a {@code pii_exposure} incident (and any SEV1): one message in
 * {@code DATAOPS_SECURITY_CHANNEL} with the incident key and a link to its thread, never the
 * evidence (it may hold the personal data itself).
 */
final class SecurityEscalation {

    static final String PII = "pii_exposure";

    private final Optional<String> channel;
    private final SlackWebApi web;

    SecurityEscalation(Optional<String> channel, SlackWebApi web) {
        this.channel = channel;
        this.web = web;
    }

    boolean applies(Incident incident) {
        return channel.isPresent() && (PII.equals(incident.failureMode()) || "SEV1".equals(incident.severity()));
    }

    /** The notice for the alert channel's triage message, when Security is paged for {@code incident}. */
    Optional<String> notice(Incident incident) {
        return applies(incident) ? Optional.of(":rotating_light: Security was paged in <#" + channel.get() + ">.") : Optional.empty();
    }

    /** Posts the page; {@code triage} is the incident's triage message, linked when Slack gives a permalink. */
    void page(Incident incident, MessageRef triage) {
        if (!applies(incident)) {
            return;
        }
        String link = web.permalink(triage.channel(), triage.ts()).map(url -> "<" + url + "|triage thread>")
                .orElse("the triage in <#" + triage.channel() + ">");
        String what = PII.equals(incident.failureMode()) ? "possible exposure of personal data (pii_exposure)"
                : incident.failureMode() + " at SEV1";
        web.post(channel.get(), null, ":rotating_light: " + incident.key() + " " + incident.severity() + ": " + what
                + " in <#" + triage.channel() + ">. See " + link + ". Evidence is not repeated here.", null, incident.key().toString());
    }
}
