package dev.dataopsbot.bot.slack;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
        return channelFor(incident.failureMode(), incident.severity()).isPresent();
    }

    /** The security channel when an incident of {@code failureMode} at {@code severity} is escalated. */
    Optional<String> channelFor(String failureMode, String severity) {
        return channel.filter(c -> PII.equals(failureMode) || "SEV1".equals(severity));
    }

    /** The notice for the alert channel's triage message, when Security is paged for {@code incident}. */
    Optional<String> notice(Incident incident) {
        return applies(incident) ? Optional.of(":rotating_light: Security was paged in <#" + channel.get() + ">.") : Optional.empty();
    }

    /**
     * Posts the page; {@code triage} is the incident's triage message, linked when Slack gives a
     * permalink (empty when it was not posted, e.g. folded into a storm digest).
     *
     * @return whether Slack took the page (true when there is nothing to page)
     */
    CompletableFuture<Boolean> page(Incident incident, Optional<MessageRef> triage) {
        return text(incident, triage).map(text -> web.post(channel.get(), null, text, null, incident.key().toString())
                .thenApply(Optional::isPresent)).orElse(CompletableFuture.completedFuture(true));
    }

    /** The page's text, when Security is paged for {@code incident}. */
    Optional<String> text(Incident incident, Optional<MessageRef> triage) {
        if (!applies(incident)) {
            return Optional.empty();
        }
        String where = triage.map(at -> " in <#" + at.channel() + ">. See " + web.permalink(at.channel(), at.ts())
                        .map(url -> "<" + url + "|the triage thread>").orElse("the triage in <#" + at.channel() + ">"))
                .orElse(". It has no Slack thread yet: `/dataops incidents` lists it");
        String what = PII.equals(incident.failureMode()) ? "possible exposure of personal data (pii_exposure)"
                : incident.failureMode() + " at SEV1";
        return Optional.of(":rotating_light: " + incident.key() + " " + incident.severity() + ": " + what + where
                + ". Evidence is not repeated here.");
    }
}
