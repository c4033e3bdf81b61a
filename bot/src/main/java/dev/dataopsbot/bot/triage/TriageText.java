package dev.dataopsbot.bot.triage;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.dataopsbot.knowledge.incident.Recorded;
import dev.dataopsbot.knowledge.runbook.RunbookHit;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.cases.Neighbour;
import dev.dataopsbot.rules.EvidenceLine;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.routing.Route;

/** The human-readable triage of the CLI. */
public final class TriageText {

    static final int MAX_EVIDENCE = 5;
    static final int MAX_LINE_CHARS = 220;
    static final int MAX_CASES = 3;

    public String render(Triage triage) {
        Verdict v = triage.verdict();
        StringBuilder out = new StringBuilder();
        if (triage.incident() != null) {
            row(out, "Incident", incident(triage.incident()));
        } else if (triage.notRecorded() != null) {
            row(out, "Incident", "none recorded: " + triage.notRecorded());
        }
        row(out, "Failure mode", v.failureMode() + " (confidence " + String.format(Locale.ROOT, "%.2f", v.confidence()) + ")");
        row(out, "Severity", v.severity());
        row(out, "Safe to re-run", new ReRunAdvice(v.safeToRetry(), v.safeToRetryReason()).text());
        row(out, "Escalate to", v.escalateTo().isEmpty() ? "nobody yet: gather the full log and ask a human" : v.escalateTo());
        triage.route().ifPresent(route -> row(out, "Route", route(route)));
        if (!v.secondary().isEmpty()) {
            row(out, "Also seen", String.join(", ", v.secondary()));
        }
        row(out, "Decided by", triage.decidedBy() + ": " + triage.decisionReason());
        v.precedence().forEach(reason -> row(out, "Why", reason));
        if (!v.entities().isEmpty()) {
            row(out, "Entities", v.entities().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        out.append("\nEvidence:\n");
        if (v.evidence().isEmpty()) {
            out.append("  none: no rule or catalogued error code recognised this text; paste the full task log for a better answer\n");
        }
        for (EvidenceLine e : v.evidenceLines().stream().limit(MAX_EVIDENCE).toList()) {
            out.append("  line ").append(e.line()).append("  ").append(cut(e.text())).append('\n')
                    .append("    ").append(e.rules().size() == 1 ? "rule: " : "rules: ")
                    .append(String.join("; ", e.rules())).append('\n');
        }
        if (!triage.cases().neighbours().isEmpty()) {
            out.append("\nNearest cases:\n");
            for (Neighbour n : triage.cases().neighbours().stream().limit(MAX_CASES).toList()) {
                out.append("  ").append(n.labelledCase().id()).append("  ").append(n.labelledCase().mode())
                        .append("  (").append(n.labelledCase().system()).append(", similarity ")
                        .append(String.format(Locale.ROOT, "%.2f", n.similarity()));
                if (n.labelledCase().team()) {
                    out.append(", ").append(n.labelledCase().source());
                }
                out.append(")\n    ").append(cut(n.line())).append('\n');
            }
        }
        out.append("\nRunbooks:\n");
        if (triage.runbooks().isEmpty()) {
            out.append("  none found\n");
        }
        int rank = 1;
        for (RunbookHit hit : triage.runbooks()) {
            out.append("  ").append(rank++).append(". ").append(hit.title()).append("  (").append(hit.path()).append(")\n")
                    .append("     ").append(cut(hit.snippet())).append('\n');
        }
        if (!triage.similarIncidents().isEmpty()) {
            out.append("\nSimilar past incidents:\n");
            for (SimilarIncident past : triage.similarIncidents()) {
                out.append("  ").append(past.key()).append("  ").append(cut(past.title()))
                        .append("  (resolved in ").append(past.resolvedInMinutes()).append(" min)\n")
                        .append("     fix: ").append(cut(past.resolution().replace('\n', ' '))).append('\n');
            }
        }
        if (!triage.redactions().isEmpty()) {
            out.append("\nRedacted before processing: ").append(triage.redactions().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        triage.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString();
    }

    /** {@code finance ledger: notify <!subteam^S1|finance-oncall>, tier 1, severity floor SEV2}. */
    private static String route(Route route) {
        StringBuilder text = new StringBuilder(route.name());
        String sep = ": ";
        if (route.mention().isPresent()) {
            text.append(sep).append("notify ").append(route.mention().get().text());
            sep = ", ";
        }
        if (route.tier().isPresent()) {
            text.append(sep).append("tier ").append(route.tier().getAsInt());
            sep = ", ";
        }
        if (route.effectiveFloor().isPresent()) {
            text.append(sep).append("severity floor ").append(route.effectiveFloor().get());
        }
        return text.toString();
    }

    private static String incident(Recorded recorded) {
        String what = switch (recorded.outcome()) {
            case NEW -> recorded.linkedTo() == null ? "new" : "new, follows " + recorded.linkedTo();
            case REPEATED -> "repeat of an open incident, " + recorded.alertCount() + " alerts";
            case REOPENED -> "reopened: it fired again within 24 h of being resolved";
        };
        return recorded.key() + " (" + what + ")";
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }

    private static String cut(String text) {
        return text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS - 1) + "…" : text;
    }
}
