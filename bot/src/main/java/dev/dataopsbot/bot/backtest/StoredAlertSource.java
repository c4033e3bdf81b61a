package dev.dataopsbot.bot.backtest;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.dataopsbot.knowledge.backtest.ClassifiedAlert;
import dev.dataopsbot.knowledge.backtest.ClassifiedAlerts;

/**
 * The incidents of the store, each by the first alert it was classified on, as stored (redacted),
 * with the decision recorded then and the mode a person confirmed. A team case learned from an
 * incident is left out of its own replay's vote.
 */
public final class StoredAlertSource implements AlertSource {

    private final ClassifiedAlerts alerts;
    private final Instant since;
    private final String description;
    private final int count;

    /** @param since the first detection time replayed, or null for every incident */
    public StoredAlertSource(ClassifiedAlerts alerts, Instant since, String where) {
        this.alerts = alerts;
        this.since = since;
        this.count = alerts.count(since);
        this.description = where + ": " + count + " stored incidents" + (since == null ? "" : " detected since " + since)
                + " (each by the first alert it was classified on)";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void forEach(Consumer<ReplayedAlert> action) {
        alerts.forEach(since, a -> {
            Set<String> leftOut = new HashSet<>(a.teamCaseIds());
            action.accept(new ReplayedAlert(a.incident().toString(), a.source(), a.text(),
                    Optional.of(new Outcome(a.recordedMode(), a.recordedDecider())), a.confirmedMode(), leftOut));
        });
    }

    @Override
    public boolean hasRecordedDecisions() {
        return true;
    }
}
