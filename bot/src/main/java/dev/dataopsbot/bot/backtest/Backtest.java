package dev.dataopsbot.bot.backtest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dataopsbot.bot.triage.AlertDecider;
import dev.dataopsbot.bot.triage.CaseKnowledge;

/**
 * Replays every alert of a source through a candidate rule pack, on several threads, and adds the
 * results up in the source's order. Nothing is posted or stored.
 */
public final class Backtest {

    /** Replays in flight per thread: enough to keep the threads busy, few enough to hold little text. */
    private static final int IN_FLIGHT_PER_THREAD = 32;

    private final Replayer replayer;
    private final boolean baselineReplayed;
    private final int threads;

    /**
     * @param candidate the candidate rules
     * @param baseline  the rules in force now, or empty to compare with the recorded decisions
     * @param cases     the case library (bundled and team cases) both sides vote with
     * @param threads   1 or more
     */
    public Backtest(AlertDecider candidate, Optional<AlertDecider> baseline, CaseKnowledge cases, int threads) {
        this.replayer = new Replayer(candidate, baseline, cases);
        this.baselineReplayed = baseline.isPresent();
        this.threads = Math.max(1, threads);
    }

    /** What the backtest is about, for the report's header. */
    public record Labels(String baseline, String candidate, String candidateHash, String baselineHash,
                         List<String> candidateRules) {
    }

    /** Told after each alert is added up. */
    @FunctionalInterface
    public interface Progress {
        void replayed(int done, int total);
    }

    public BacktestReport run(AlertSource source, Labels labels, Progress progress) {
        BacktestTally tally = new BacktestTally(baselineReplayed);
        int total = source.count();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "backtest");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<ReplayResult>> inFlight = new ArrayDeque<>();
            source.forEach(alert -> {
                inFlight.add(pool.submit(() -> replayer.replay(alert)));
                while (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
                    tally.add(next(inFlight));
                    progress.replayed(tally.alerts(), total);
                }
            });
            while (!inFlight.isEmpty()) {
                tally.add(next(inFlight));
                progress.replayed(tally.alerts(), total);
            }
        } finally {
            pool.shutdownNow();
        }
        return tally.report(source.description(), labels.baseline(), labels.candidate(), labels.candidateHash(),
                labels.baselineHash(), labels.candidateRules());
    }

    private static ReplayResult next(Deque<Future<ReplayResult>> inFlight) {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
