package dev.dataopsbot.bot.incident;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.dataopsbot.bot.triage.CaseKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what {@code serve} holds in memory in step with the store, which other replicas (and the
 * CLI) write to as well: every {@link #EVERY} it brings the past-incident index up to date with
 * the incidents resolved since, and re-teaches the case vote when the team's cases changed.
 */
public final class StoreFollower implements AutoCloseable {

    /** How often: incidents resolved or cases taught elsewhere count here within this long. */
    public static final Duration EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

    private final IncidentKnowledge knowledge;
    private final CaseKnowledge cases;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataops-store-follower");
        thread.setDaemon(true);
        return thread;
    });
    private String teamCases;

    private StoreFollower(IncidentKnowledge knowledge, CaseKnowledge cases) {
        this.knowledge = knowledge;
        this.cases = cases;
    }

    /** Starts following; the case vote is assumed taught with the team's cases as they are now. */
    public static StoreFollower start(IncidentKnowledge knowledge, CaseKnowledge cases) {
        StoreFollower follower = new StoreFollower(knowledge, cases);
        follower.teamCases = knowledge.teamCases().signature();
        follower.timer.scheduleWithFixedDelay(follower::follow, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return follower;
    }

    /** One round: the index, then the team's cases. A failure is logged and the next round tries again. */
    void follow() {
        try {
            knowledge.pastIncidents().refresh();
        } catch (RuntimeException e) {
            LOG.warn("cannot bring the past-incident index up to date: {}", e.getMessage());
        }
        try {
            String now = knowledge.teamCases().signature();
            if (!now.equals(teamCases)) {
                cases.teach(knowledge.teamCaseLibrary());
                teamCases = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the team's cases: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
