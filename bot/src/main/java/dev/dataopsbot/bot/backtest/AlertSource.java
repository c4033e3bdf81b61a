package dev.dataopsbot.bot.backtest;

import java.util.function.Consumer;

/** Where the replayed alerts come from: the incident store or a labelled case file. */
public interface AlertSource {

    /** For people: {@code ./data: 40 stored incidents}. */
    String description();

    /** How many alerts {@link #forEach} gives, for the progress line. */
    int count();

    /** Each alert, in a stable order. */
    void forEach(Consumer<ReplayedAlert> action);

    /** True when the alerts carry a recorded decision to compare with. */
    boolean hasRecordedDecisions();
}
