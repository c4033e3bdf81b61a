package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the evidence the rules found into a primary mode, a confidence and secondary modes.
 *
 * <p>Each rule counts once per mode (a repeated line is not new information); a mode's score is
 * the noisy-or of its rules' weights, so two weak hints together beat one. Demoted modes (a
 * symptom explained by a root cause present here, or by a fact that is not a failure mode at all,
 * such as a recovery notice) cannot be primary. Below {@link #THRESHOLD} the answer is
 * {@code unknown}: a wrong confident label costs more than an honest "don't know".
 */
final class EvidenceScorer {

    static final double THRESHOLD = 0.5;
    private static final double SECONDARY_THRESHOLD = 0.3;

    record Scores(String primary, double confidence, List<String> secondary) {
    }

    Scores score(Collection<Evidence> evidence, Collection<Demotion> demotions) {
        Map<String, ModeScore> byMode = new HashMap<>();
        for (Evidence e : evidence) {
            byMode.computeIfAbsent(e.getFailureMode(), ModeScore::new).add(e);
        }
        Set<String> demoted = demotions.stream()
                .filter(d -> byMode.containsKey(d.getRootCause()) || FailureMode.fromId(d.getRootCause()).isEmpty())
                .map(Demotion::getSymptom)
                .collect(Collectors.toSet());

        List<ModeScore> ranked = new ArrayList<>(byMode.values());
        ranked.sort(Comparator.comparing((ModeScore m) -> demoted.contains(m.mode))
                .thenComparing(Comparator.comparingDouble(ModeScore::score).reversed())
                .thenComparing(Comparator.comparingDouble(ModeScore::strongest).reversed())
                .thenComparing(Comparator.comparingInt(ModeScore::lastLine).reversed())
                // last, a fixed order: the session hands facts back in an order that differs between
                // the precompiled rules and the same rules compiled from a folder
                .thenComparing(m -> m.mode));

        if (ranked.isEmpty() || demoted.contains(ranked.get(0).mode) || ranked.get(0).score() < THRESHOLD) {
            double best = ranked.stream().mapToDouble(ModeScore::score).max().orElse(0);
            return new Scores(FailureMode.UNKNOWN.id(), round(Math.max(0.5, 1 - best)),
                    secondaryOf(ranked, null));
        }
        ModeScore top = ranked.get(0);
        double runnerUp = ranked.stream().skip(1)
                .filter(m -> !demoted.contains(m.mode))
                .mapToDouble(ModeScore::score).max().orElse(0);
        double confidence = top.score() * top.score() / (top.score() + 0.5 * runnerUp);
        return new Scores(top.mode, round(confidence), secondaryOf(ranked, top.mode));
    }

    private static List<String> secondaryOf(List<ModeScore> ranked, String primary) {
        return ranked.stream()
                .filter(m -> !m.mode.equals(primary) && m.score() >= SECONDARY_THRESHOLD)
                .sorted(Comparator.comparingDouble(ModeScore::score).reversed())
                .map(m -> m.mode)
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static final class ModeScore {
        private final String mode;
        private final Map<String, Double> weightByRule = new LinkedHashMap<>();
        private int lastLine;

        ModeScore(String mode) {
            this.mode = mode;
        }

        void add(Evidence e) {
            weightByRule.merge(e.getRule(), e.getWeight(), Math::max);
            lastLine = Math.max(lastLine, e.getLine());
        }

        double score() {
            double miss = 1;
            for (double w : weightByRule.values()) {
                miss *= 1 - w;
            }
            return 1 - miss;
        }

        double strongest() {
            return weightByRule.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        int lastLine() {
            return lastLine;
        }
    }
}
