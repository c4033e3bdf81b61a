package dev.dataopsbot.bot.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Accuracy, macro-F1 and the honesty of {@code unknown} over labelled outcomes, overall and per
 * system family: how the README reports triage quality.
 */
final class ClassificationMetrics {

    record Outcome(String id, String family, String expected, String predicted, String decidedBy, double confidence) {
        boolean correct() {
            return expected.equals(predicted);
        }
    }

    private final List<Outcome> outcomes;

    ClassificationMetrics(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
    }

    /** Mean F1 over the modes that occur as labels or predictions. */
    double macroF1() {
        Set<String> modes = new TreeSet<>();
        outcomes.forEach(o -> {
            modes.add(o.expected());
            modes.add(o.predicted());
        });
        return modes.stream().mapToDouble(this::f1).average().orElse(0);
    }

    double f1(String mode) {
        double p = precision(mode);
        double r = recall(mode);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double precision(String mode) {
        long predicted = outcomes.stream().filter(o -> o.predicted().equals(mode)).count();
        long right = outcomes.stream().filter(o -> o.predicted().equals(mode) && o.correct()).count();
        return predicted == 0 ? 0 : (double) right / predicted;
    }

    double recall(String mode) {
        long expected = outcomes.stream().filter(o -> o.expected().equals(mode)).count();
        long right = outcomes.stream().filter(o -> o.expected().equals(mode) && o.correct()).count();
        return expected == 0 ? 0 : (double) right / expected;
    }

    String report(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "[%s] %d alerts: accuracy %.3f, macro-F1 %.3f, unknown precision %.3f recall %.3f%n",
                title, outcomes.size(), accuracy(), macroF1(), precision("unknown"), recall("unknown")));
        Map<String, List<Outcome>> byFamily = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(Outcome::family)));
        out.append("  family            n  accuracy  macro-F1  unknown P/R\n");
        byFamily.forEach((family, list) -> {
            ClassificationMetrics m = new ClassificationMetrics(list);
            out.append(String.format(Locale.ROOT, "  %-15s %4d  %.3f     %.3f     %.2f/%.2f%n", family, list.size(),
                    m.accuracy(), m.macroF1(), m.precision("unknown"), m.recall("unknown")));
        });
        out.append("  calibration (named modes): ").append(calibration()).append('\n');
        Map<String, Long> deciders = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(Outcome::decidedBy, Collectors.counting())));
        out.append("  decided by: ").append(deciders).append('\n');
        return out.toString();
    }

    List<Outcome> outcomesForMerge() {
        return outcomes;
    }

    /**
     * How often a named mode is right, by its confidence: a calibrated confidence of 0.7 is right
     * about 7 times in 10.
     */
    String calibration() {
        StringBuilder out = new StringBuilder();
        double[] edges = {0.5, 0.6, 0.7, 0.8, 0.9, 1.01};
        for (int i = 0; i < edges.length - 1; i++) {
            double low = edges[i];
            double high = edges[i + 1];
            List<Outcome> bin = outcomes.stream().filter(o -> !o.predicted().equals("unknown")
                    && o.confidence() >= low && o.confidence() < high).toList();
            if (!bin.isEmpty()) {
                long right = bin.stream().filter(Outcome::correct).count();
                out.append(String.format(Locale.ROOT, "[%.1f-%.1f) %d right of %d (%.2f)  ", low, Math.min(1.0, high),
                        right, bin.size(), (double) right / bin.size()));
            }
        }
        return out.toString().strip();
    }

    /** The misses, for reading: id, expected, predicted. */
    List<String> misses() {
        List<String> misses = new ArrayList<>();
        outcomes.stream().filter(o -> !o.correct()).forEach(o -> misses.add(o.id() + ": expected " + o.expected()
                + ", got " + o.predicted() + " (" + o.decidedBy() + ")"));
        return misses;
    }
}
