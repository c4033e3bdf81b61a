package dev.dataopsbot.rules.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where every kind's matches can start, and where its context words are, in one pass over
 * the text whatever the number of kinds: literals are filed by their first two (lower-cased)
 * characters, so each position of the text costs one table lookup and, only where some literal
 * starts with those two characters, a comparison of the literal. Running a hundred regexes, or a
 * hundred {@code indexOf}s, over a 1 MiB alert would cost a hundred passes.
 */
final class AnchorIndex {

    /**
     * Per kind, in catalogue order: sorted positions where a match can start, and sorted
     * positions of its context words ({@code after}); empty arrays when none.
     */
    record Candidates(int[][] starts, int[][] contexts) {
    }

    private static final int ASCII = 128;

    private final int kinds;
    private final char[][] literals;
    private final int[] kindOf;
    private final int[] minBack;
    private final int[] maxBack;
    private final boolean[] context;
    private final int[][] byFirstTwo = new int[ASCII * ASCII][];

    AnchorIndex(List<SecretKind> catalogue) {
        this.kinds = catalogue.size();
        List<char[]> lits = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        for (int k = 0; k < catalogue.size(); k++) {
            for (Anchor anchor : catalogue.get(k).anchors()) {
                lits.add(anchor.literal().toCharArray());
                meta.add(new int[] {k, anchor.minBack(), anchor.maxBack(), 0});
            }
            for (Anchor word : catalogue.get(k).after()) {
                lits.add(word.literal().toCharArray());
                meta.add(new int[] {k, 0, 0, 1});
            }
        }
        literals = lits.toArray(new char[0][]);
        kindOf = new int[literals.length];
        minBack = new int[literals.length];
        maxBack = new int[literals.length];
        context = new boolean[literals.length];
        List<List<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i < ASCII * ASCII; i++) {
            buckets.add(null);
        }
        for (int a = 0; a < literals.length; a++) {
            kindOf[a] = meta.get(a)[0];
            minBack[a] = meta.get(a)[1];
            maxBack[a] = meta.get(a)[2];
            context[a] = meta.get(a)[3] == 1;
            char c0 = literals[a][0];
            char c1 = literals[a][1];
            if (c0 >= ASCII || c1 >= ASCII) {
                throw new IllegalArgumentException("anchor '" + new String(literals[a]) + "' must start with two ASCII characters");
            }
            int key = c0 * ASCII + c1;
            if (buckets.get(key) == null) {
                buckets.set(key, new ArrayList<>());
            }
            buckets.get(key).add(a);
        }
        for (int key = 0; key < buckets.size(); key++) {
            if (buckets.get(key) != null) {
                byFirstTwo[key] = buckets.get(key).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    Candidates candidates(String text) {
        AnchoredPattern.Positions[] found = new AnchoredPattern.Positions[kinds];
        AnchoredPattern.Positions[] words = new AnchoredPattern.Positions[kinds];
        int n = text.length();
        char next = n == 0 ? 0 : Anchor.lower(text.charAt(0));
        for (int i = 0; i + 1 < n; i++) {
            char c0 = next;
            next = Anchor.lower(text.charAt(i + 1));
            if (c0 >= ASCII || next >= ASCII) {
                continue;
            }
            int[] anchors = byFirstTwo[c0 * ASCII + next];
            if (anchors == null) {
                continue;
            }
            for (int a : anchors) {
                if (startsAt(text, i, literals[a])) {
                    int k = kindOf[a];
                    if (context[a]) {
                        if (words[k] == null) {
                            words[k] = new AnchoredPattern.Positions();
                        }
                        words[k].add(i);
                        continue;
                    }
                    if (found[k] == null) {
                        found[k] = new AnchoredPattern.Positions();
                    }
                    for (int back = minBack[a]; back <= maxBack[a] && back <= i; back++) {
                        found[k].add(i - back);
                    }
                }
            }
        }
        int[][] starts = new int[kinds][];
        int[][] contexts = new int[kinds][];
        for (int k = 0; k < kinds; k++) {
            starts[k] = found[k] == null ? EMPTY : found[k].sorted();
            contexts[k] = words[k] == null ? EMPTY : words[k].sorted();
        }
        return new Candidates(starts, contexts);
    }

    private static final int[] EMPTY = new int[0];

    private static boolean startsAt(String text, int at, char[] literal) {
        if (at + literal.length > text.length()) {
            return false;
        }
        for (int j = 2; j < literal.length; j++) {
            if (Anchor.lower(text.charAt(at + j)) != literal[j]) {
                return false;
            }
        }
        return true;
    }
}
