package dev.dataopsbot.bot.backtest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.dataopsbot.knowledge.cases.LabelledCase;
import dev.dataopsbot.rules.text.AlertText;

/**
 * The cases of a labelled case file ({@code cases/*.jsonl} format), each prepared as triage
 * prepares text (normalised, redacted). The label is the confirmed mode; the case itself is left
 * out of the vote when the library holds it (a bundled case file replayed against itself).
 */
public final class CaseFileSource implements AlertSource {

    private final String file;
    private final List<LabelledCase> cases;
    private final AlertText alertText;

    /** @param cases the file's cases, already parsed and checked */
    public CaseFileSource(String file, List<LabelledCase> cases, AlertText alertText) {
        this.file = file;
        this.cases = List.copyOf(cases);
        this.alertText = alertText;
    }

    @Override
    public String description() {
        return file + ": " + cases.size() + " labelled cases";
    }

    @Override
    public int count() {
        return cases.size();
    }

    @Override
    public void forEach(Consumer<ReplayedAlert> action) {
        for (LabelledCase c : cases) {
            action.accept(new ReplayedAlert(c.id(), "cases", alertText.prepare(c.text()).text(), Optional.empty(), c.mode(),
                    Set.of(c.id())));
        }
    }

    @Override
    public boolean hasRecordedDecisions() {
        return false;
    }
}
