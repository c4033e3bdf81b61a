package dev.dataopsbot.bot.cli;

import java.util.List;
import java.util.Locale;

import dev.dataopsbot.knowledge.incident.TeamCase;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/** How {@code cases list} and {@code cases show} print team cases for people. */
final class TeamCaseText {

    static final String NONE = "no team cases yet; they are added by 'incident feedback KEY wrong --mode M' or 'cases import'\n";
    private static final int MAX_TEXT_CHARS = 80;
    private static final String ROW = "%-7s %-22s %-14s %-12s %s%n";

    /** One line per case: key, mode, system, origin, then provenance and the first line of the text. */
    String list(List<TeamCase> cases) {
        if (cases.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "KEY", "MODE", "SYSTEM", "ORIGIN",
                "PROVENANCE · TEXT"));
        for (TeamCase c : cases) {
            out.append(String.format(Locale.ROOT, ROW, c.key(), c.mode(), c.system(), c.origin(),
                    c.provenance() + " · " + cut(firstLine(c.text()), MAX_TEXT_CHARS)));
        }
        return out.toString();
    }

    /** Everything about one case, the text in full. */
    String show(TeamCase c) {
        StringBuilder out = new StringBuilder();
        out.append(c.key()).append("  ").append(c.mode()).append(" in ").append(c.system()).append("\n\n");
        row(out, "Failure mode", c.mode());
        row(out, "System", c.system());
        row(out, "Origin", c.origin());
        row(out, "Provenance", c.provenance());
        row(out, "Added by", c.addedBy());
        row(out, "Added", UtcTimestamps.display(c.addedAt()));
        if (c.incident() != null) {
            row(out, "Incident", c.incident().toString());
        }
        if (!c.note().isBlank()) {
            row(out, "Note", c.note());
        }
        out.append("\nText:\n");
        c.text().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
