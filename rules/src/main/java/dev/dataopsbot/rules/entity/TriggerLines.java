package dev.dataopsbot.rules.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.dataopsbot.rules.text.LiteralStarts;

/**
 * Where each trigger literal occurs in a text, by line: found in one pass over the text for all
 * triggers at once ({@link LiteralStarts}), instead of one {@link String#indexOf} scan of the whole
 * text per trigger.
 */
final class TriggerLines {

    private final LiteralStarts triggers;

    TriggerLines(Collection<String> triggers) {
        this.triggers = new LiteralStarts(triggers);
    }

    /** The start offsets of the lines of {@code lower} on which each trigger occurs, in text order. */
    Map<String, List<Integer>> in(String lower) {
        Map<String, List<Integer>> lines = new HashMap<>();
        int lineStart = 0;
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) == '\n') {
                lineStart = i + 1;
            }
            if (triggers.anyAt(lower, i)) {
                int line = lineStart;
                triggers.forEachAt(lower, i, trigger -> {
                    List<Integer> starts = lines.computeIfAbsent(trigger, k -> new ArrayList<>());
                    if (starts.isEmpty() || starts.get(starts.size() - 1) != line) {
                        starts.add(line);
                    }
                });
            }
        }
        return lines;
    }

    /** The lines on which any of {@code triggers} occurs, in text order, each once. */
    static int[] anyOf(Map<String, List<Integer>> found, List<String> triggers) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (String trigger : triggers) {
            starts.addAll(found.getOrDefault(trigger, List.of()));
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
