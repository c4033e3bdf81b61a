package dev.dataopsbot.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Accuracy and a confusion table over labelled examples, for failure messages that explain themselves. */
final class LabelledCorpus {

    record Example(String id, String label, String text) {
    }

    record Outcome(Example example, Verdict verdict) {
        boolean correct() {
            return example.label().equals(verdict.failureMode());
        }
    }

    private LabelledCorpus() {
    }

    static List<Outcome> classifyAll(List<Example> examples) {
        return examples.stream().map(e -> new Outcome(e, Classifiers.classify(e.text()))).toList();
    }

    static double accuracy(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::correct).count() / (double) outcomes.size();
    }

    static String report(List<Outcome> outcomes) {
        Map<String, Map<String, Long>> confusion = new TreeMap<>();
        for (Outcome o : outcomes) {
            confusion.computeIfAbsent(o.example().label(), k -> new TreeMap<>())
                    .merge(o.verdict().failureMode(), 1L, Long::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("accuracy %.1f%% (%d/%d)%n", 100 * accuracy(outcomes),
                outcomes.stream().filter(Outcome::correct).count(), outcomes.size()));
        out.append("confusion (expected -> predicted: count):\n");
        confusion.forEach((expected, predicted) -> out.append("  ").append(expected).append(" -> ")
                .append(predicted.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n'));
        out.append("misclassified:\n");
        outcomes.stream().filter(o -> !o.correct()).forEach(o -> out.append("  ").append(o.example().id())
                .append(": expected ").append(o.example().label()).append(", got ")
                .append(o.verdict().failureMode()).append(' ').append(o.verdict().confidence())
                .append(" secondary=").append(o.verdict().secondary())
                .append(o.verdict().evidence().stream().limit(3)
                        .map(e -> "\n      " + e.getFailureMode() + " " + e.getWeight() + " [" + e.getRule() + "] "
                                + e.getText().substring(0, Math.min(140, e.getText().length())))
                        .collect(Collectors.joining()))
                .append('\n'));
        return out.toString();
    }
}
