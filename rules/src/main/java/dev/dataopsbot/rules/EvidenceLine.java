package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the alert with every rule that fired on it: how evidence is shown, so that a line
 * several rules recognised appears once.
 *
 * @param line        the line's number in the original input (0 for a title)
 * @param text        the line
 * @param rules       every rule that fired on the line, the strongest first, each once
 * @param failureMode the mode of the strongest rule
 * @param weight      the weight of the strongest rule
 */
public record EvidenceLine(int line, String text, List<String> rules, String failureMode, double weight) {

    public EvidenceLine {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("an evidence line needs at least one rule");
        }
    }

    /** The strongest rule on the line. */
    public String rule() {
        return rules.get(0);
    }

    /**
     * Groups evidence by line, keeping the order of first appearance; within a line the rules keep
     * the order they came in, so that when {@code evidence} is ordered strongest first, so are they.
     */
    static List<EvidenceLine> group(List<Evidence> evidence) {
        Map<Integer, List<Evidence>> byLine = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            byLine.computeIfAbsent(e.getLine(), k -> new ArrayList<>()).add(e);
        }
        List<EvidenceLine> lines = new ArrayList<>(byLine.size());
        byLine.forEach((number, found) -> {
            Evidence strongest = found.get(0);
            List<String> rules = found.stream().map(Evidence::getRule).distinct().toList();
            lines.add(new EvidenceLine(number, strongest.getText(), rules, strongest.getFailureMode(), strongest.getWeight()));
        });
        return List.copyOf(lines);
    }
}
