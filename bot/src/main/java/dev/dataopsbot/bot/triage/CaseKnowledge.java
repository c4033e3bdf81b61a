package dev.dataopsbot.bot.triage;

import java.util.List;

import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.cases.CaseVote;
import dev.dataopsbot.knowledge.cases.LabelledCase;
import dev.dataopsbot.knowledge.cases.NearestCases;

/**
 * The case library the triage service votes with: the bundled cases and, once taught, the team's
 * own. Teaching swaps in a new index atomically, so a correction counts for the very next alert
 * while triages in flight finish on the index they started with.
 */
public final class CaseKnowledge {

    private final CaseLibrary library;
    private volatile NearestCases nearest;

    public CaseKnowledge(CaseLibrary library) {
        this.library = library;
        this.nearest = library.nearest(List.of());
    }

    /** Replaces the team's cases with {@code cases} (all of them, as stored). */
    public void teach(List<LabelledCase> cases) {
        this.nearest = library.nearest(cases);
    }

    public CaseVote vote(String redactedText) {
        return nearest.vote(redactedText);
    }

    /** The vote without the cases whose ids are in {@code leftOut} (a backtest's own alert's cases). */
    public CaseVote vote(String redactedText, java.util.Set<String> leftOut) {
        return leftOut.isEmpty() ? vote(redactedText) : nearest.vote(redactedText, c -> !leftOut.contains(c.id()));
    }

    public int bundledCount() {
        return library.cases().size();
    }
}
