package dev.dataopsbot.rules.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each trigger literal occurs in a text, by line: found in one pass over the text for all
 * triggers at once (candidates picked by their first character), instead of one
 * {@link String#indexOf} scan of the whole text per trigger.
 */
final class TriggerLines {

    /** Triggers by their first character (Latin-1 only; others go to {@link #other}). */
    private final List<List<String>> byFirst = new ArrayList<>(256);
    private final List<String> other = new ArrayList<>();

    TriggerLines(Collection<String> triggers) {
        for (int c = 0; c < 256; c++) {
            byFirst.add(new ArrayList<>());
        }
        for (String trigger : new LinkedHashSet<>(triggers)) {
            char first = trigger.charAt(0);
            (first < 256 ? byFirst.get(first) : other).add(trigger);
        }
    }

    /** The start offsets of the lines of {@code lower} on which each trigger occurs, in text order. */
    Map<String, List<Integer>> in(String lower) {
        Map<String, List<Integer>> lines = new HashMap<>();
        int lineStart = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            }
            for (String trigger : c < 256 ? byFirst.get(c) : other) {
                if (lower.startsWith(trigger, i)) {
                    List<Integer> starts = lines.computeIfAbsent(trigger, t -> new ArrayList<>());
                    if (starts.isEmpty() || starts.get(starts.size() - 1) != lineStart) {
                        starts.add(lineStart);
                    }
                }
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
