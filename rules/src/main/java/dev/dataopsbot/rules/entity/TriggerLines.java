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

    private static final String[] NONE = new String[0];

    /**
     * Triggers by their first character (Latin-1; the rest under index 256). Arrays, not lists:
     * the scan looks here once per character of the text.
     */
    private final String[][] byFirst = new String[257][];
    /** The second character of each of those triggers (0 for a one-character trigger): most candidates fail there. */
    private final char[][] secondOf = new char[257][];

    TriggerLines(Collection<String> triggers) {
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < byFirst.length; c++) {
            lists.add(new ArrayList<>());
        }
        for (String trigger : new LinkedHashSet<>(triggers)) {
            lists.get(Math.min(trigger.charAt(0), 256)).add(trigger);
        }
        for (int c = 0; c < byFirst.length; c++) {
            byFirst[c] = lists.get(c).isEmpty() ? NONE : lists.get(c).toArray(String[]::new);
            secondOf[c] = new char[byFirst[c].length];
            for (int t = 0; t < byFirst[c].length; t++) {
                secondOf[c][t] = byFirst[c][t].length() > 1 ? byFirst[c][t].charAt(1) : 0;
            }
        }
    }

    /** The start offsets of the lines of {@code lower} on which each trigger occurs, in text order. */
    Map<String, List<Integer>> in(String lower) {
        Map<String, List<Integer>> lines = new HashMap<>();
        int lineStart = 0;
        char[] chars = lower.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\n') {
                lineStart = i + 1;
            }
            String[] candidates = byFirst[Math.min(c, 256)];
            char[] seconds = secondOf[Math.min(c, 256)];
            char next = i + 1 < chars.length ? chars[i + 1] : 0;
            for (int t = 0; t < candidates.length; t++) {
                if (seconds[t] != 0 && seconds[t] != next) {
                    continue;
                }
                String trigger = candidates[t];
                if (lower.startsWith(trigger, i)) {
                    List<Integer> starts = lines.computeIfAbsent(trigger, k -> new ArrayList<>());
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
