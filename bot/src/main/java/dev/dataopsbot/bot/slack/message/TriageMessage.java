package dev.dataopsbot.bot.slack.message;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;

import dev.dataopsbot.knowledge.incident.DurationText;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.bot.triage.ReRunAdvice;
import dev.dataopsbot.rules.FailureMode;

/**
 * The triage message of an incident: what failed and how sure we are, the alert as its source
 * described it (name, identifying labels, summary, links; see {@link SourceAlertBlocks}), whether a
 * re-run is safe and why, the evidence (each line once, with the rules that fired on it), runbooks,
 * similar past incidents, who is on it, and the buttons that move it along. Re-rendered from an
 * {@link IncidentCard} after every change. All text from alerts and people is escaped; evidence of
 * a {@code pii_exposure} incident is never shown.
 */
public final class TriageMessage {

    static final int MAX_EVIDENCE_LINE_CHARS = 500;
    static final int MAX_RULES_CHARS = 300;
    static final int MAX_SNIPPET_CHARS = 200;
    static final int MAX_PAST_TITLE_CHARS = 80;
    static final int MAX_PAST_RESOLUTION_CHARS = 150;
    static final int MAX_FALLBACK_TITLE_CHARS = 150;
    static final int MAX_NEAREST = 3;
    static final String PII_WITHHELD = "Evidence withheld: it may contain personal data.";

    private final Optional<URI> runbookBaseUrl;

    /** @param runbookBaseUrl where runbook paths are browsable, e.g. {@code https://git.example.com/runbooks/blob/main/} */
    public TriageMessage(Optional<URI> runbookBaseUrl) {
        this.runbookBaseUrl = runbookBaseUrl;
    }

    public SlackMessage render(IncidentCard card) {
        BlockText text = new BlockText();
        Incident incident = card.incident();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(text.plain(ModeNames.heading(incident.failureMode()) + " · "
                + incident.severity(), BlockText.MAX_HEADER)).build());
        blocks.add(section(text, incident.title().isBlank() ? "(no title)" : BlockText.escape(incident.title())));
        blocks.addAll(SourceAlertBlocks.of(card.sourceAlert(), text, FailureMode.PII_EXPOSURE.id().equals(incident.failureMode())));
        blocks.add(SectionBlock.builder().fields(facts(card, text)).build());
        blocks.add(section(text, evidence(card, text)));
        if (!card.nearest().isEmpty() && !FailureMode.PII_EXPOSURE.id().equals(incident.failureMode())) {
            blocks.add(section(text, nearest(card, text)));
        }
        if (!card.runbooks().isEmpty()) {
            blocks.add(section(text, runbooks(card)));
        }
        if (!card.similar().isEmpty()) {
            blocks.add(section(text, similar(card.similar())));
        }
        if (incident.isResolved() && card.resolution() != null) {
            blocks.add(section(text, "*Resolution*\n" + BlockText.escape(card.resolution().text())));
        }
        if (card.correction() != null) {
            blocks.add(section(text, correction(card.correction())));
        }
        List<String> notices = card.notices().stream().filter(n -> !n.isBlank()).map(BlockText::escape).toList();
        if (!notices.isEmpty()) {
            blocks.add(context(text, String.join("\n", notices)));
        }
        LayoutBlock actions = new ActionButtons(text).block(incident);
        blocks.add(context(text, incident.key() + " · " + incident.status().id() + " · dataops-bot"
                + (text.truncated() ? " · (truncated)" : "")));
        blocks.add(actions);
        return new SlackMessage(fallback(card), text.fit(blocks));
    }

    private static List<TextObject> facts(IncidentCard card, BlockText text) {
        Incident incident = card.incident();
        List<TextObject> fields = new ArrayList<>();
        fields.add(field(text, "Confidence", Math.round(card.confidence() * 100) + "%"
                + (card.secondary().isEmpty() ? "" : " (also: " + BlockText.safe(String.join(", ", card.secondary()), 200) + ")")));
        fields.add(field(text, "Safe to re-run",
                BlockText.safe(new ReRunAdvice(card.safeToRetry(), card.safeToRetryReason()).text(), 300)));
        fields.add(field(text, "Escalate to", (card.escalateTo().isBlank() ? "nobody known yet"
                : BlockText.safe(card.escalateTo(), 300)) + mention(card).map(m -> "\n" + m).orElse("")));
        fields.add(field(text, "Incident", incident.key() + " · " + state(card)));
        if (incident.alertCount() > 1) {
            fields.add(field(text, "Alerts", String.valueOf(incident.alertCount())));
        }
        return fields;
    }

    /**
     * The routing file's mention as mrkdwn (a user group or user is notified, a channel linked).
     * Only a mention that parses as one of the routing file's forms is written unescaped; anything
     * else in the store is not shown.
     */
    private static Optional<String> mention(IncidentCard card) {
        return dev.dataopsbot.rules.routing.Mention.parse(card.mention()).map(dev.dataopsbot.rules.routing.Mention::mrkdwn);
    }

    private static TextObject field(BlockText text, String name, String value) {
        return text.markdown("*" + name + "*\n" + value, BlockText.MAX_FIELD);
    }

    private static String state(IncidentCard card) {
        Incident incident = card.incident();
        return switch (incident.status()) {
            case OPEN, MITIGATED -> incident.status().id();
            case ACKNOWLEDGED -> card.acknowledgedBy() == null ? "acknowledged"
                    : "acknowledged by " + Mention.of(card.acknowledgedBy());
            case RESOLVED -> card.resolution() == null ? "resolved" : "resolved by " + Mention.of(card.resolution().by());
        };
    }

    private static String retry(String safeToRetry) {
        return switch (safeToRetry) {
            case "yes" -> "yes";
            case "after_fix" -> "after fix";
            default -> "no";
        };
    }

    private static String evidence(IncidentCard card, BlockText text) {
        String heading = "*Evidence*\n";
        if (FailureMode.PII_EXPOSURE.id().equals(card.incident().failureMode())) {
            return heading + PII_WITHHELD;
        }
        if (card.evidence().isEmpty()) {
            return heading + "No rule recognised this text: paste the full task log for a better answer.";
        }
        List<String> lines = card.evidence().stream()
                .map(e -> "L" + e.line() + ": " + Code.line(e.text(), MAX_EVIDENCE_LINE_CHARS)
                        + (e.rules().isEmpty() ? "" : "\n     ↳ " + Code.line(String.join("; ", e.rules()), MAX_RULES_CHARS)))
                .toList();
        return heading + Code.block(lines, text, BlockText.MAX_TEXT - heading.length());
    }

    /** The nearest labelled cases: why stage 2 thinks what it thinks, the team's corrections named. */
    private static String nearest(IncidentCard card, BlockText text) {
        StringBuilder out = new StringBuilder("*Nearest cases*");
        for (IncidentCard.NearestCase n : card.nearest().stream().limit(MAX_NEAREST).toList()) {
            out.append("\n• `").append(BlockText.safe(n.id(), 40)).append("` ").append(BlockText.safe(n.mode(), 40))
                    .append(" (").append(BlockText.safe(n.system(), 40)).append(", similarity ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", n.similarity())).append(')');
            if (n.team()) {
                out.append(" · ").append(BlockText.safe(n.source(), 120));
            }
            if (!n.line().isBlank()) {
                out.append("\n      ").append(BlockText.safe(n.line(), MAX_EVIDENCE_LINE_CHARS));
            }
        }
        return out.toString();
    }

    private String runbooks(IncidentCard card) {
        RunbookLinks links = new RunbookLinks(runbookBaseUrl);
        StringBuilder out = new StringBuilder("*Runbooks*");
        for (IncidentCard.RunbookLink runbook : card.runbooks()) {
            out.append("\n• ").append(links.mrkdwn(runbook.title(), runbook.path()));
            if (!runbook.snippet().isBlank()) {
                out.append("\n      ").append(BlockText.safe(runbook.snippet(), MAX_SNIPPET_CHARS));
            }
        }
        return out.toString();
    }

    private static String similar(List<SimilarIncident> similar) {
        StringBuilder out = new StringBuilder("*Similar past incidents*");
        for (SimilarIncident past : similar) {
            out.append("\n• ").append(past.key()).append(" — ").append(BlockText.safe(past.title(), MAX_PAST_TITLE_CHARS))
                    .append(" — fixed in ").append(DurationText.of(Duration.ofMinutes(past.resolvedInMinutes())))
                    .append(": ").append(BlockText.safe(past.resolution(), MAX_PAST_RESOLUTION_CHARS));
        }
        return out.toString();
    }

    private static String correction(IncidentCard.Correction correction) {
        String comment = correction.comment() == null || correction.comment().isBlank() ? ""
                : " — " + BlockText.safe(correction.comment(), 300);
        return "Reclassified by " + Mention.of(correction.by()) + ": " + BlockText.safe(correction.mode(), 100) + comment;
    }

    /** The notification text; it carries the routing file's mention so that a push notification names who is paged. */
    private static String fallback(IncidentCard card) {
        Incident incident = card.incident();
        return incident.key() + " " + BlockText.escape(incident.failureMode()) + " (" + incident.severity() + "): "
                + BlockText.safe(incident.title(), MAX_FALLBACK_TITLE_CHARS) + " — safe to re-run: " + retry(card.safeToRetry())
                + mention(card).map(m -> " — " + m).orElse("");
    }

    private static SectionBlock section(BlockText text, String mrkdwn) {
        return SectionBlock.builder().text(text.markdown(mrkdwn, BlockText.MAX_TEXT)).build();
    }

    private static ContextBlock context(BlockText text, String mrkdwn) {
        return ContextBlock.builder().elements(List.of(text.markdown(mrkdwn, BlockText.MAX_TEXT))).build();
    }
}
