package dev.dataopsbot.rules.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Literals looked up by where they start in a text: bucketed by their first character (Latin-1;
 * the rest share one bucket) and checked by their second before {@link String#startsWith}. A scan
 * that asks at every position of a text looks at each position once, however many literals there
 * are, instead of one {@link String#indexOf} pass per literal. Immutable.
 */
public final class LiteralStarts {

    private static final int OTHER = 256;

    private final String[][] byFirst = new String[OTHER + 1][];
    /** The second character of each literal of a bucket, 0 for a one-character literal: most candidates fail there. */
    private final char[][] secondOf = new char[OTHER + 1][];

    /** @param literals non-empty strings; a repeat is kept once */
    public LiteralStarts(Collection<String> literals) {
        List<List<String>> buckets = new ArrayList<>();
        for (int c = 0; c <= OTHER; c++) {
            buckets.add(new ArrayList<>());
        }
        for (String literal : new LinkedHashSet<>(literals)) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("an empty literal starts everywhere");
            }
            buckets.get(bucket(literal.charAt(0))).add(literal);
        }
        for (int c = 0; c <= OTHER; c++) {
            byFirst[c] = buckets.get(c).toArray(String[]::new);
            secondOf[c] = new char[byFirst[c].length];
            for (int i = 0; i < byFirst[c].length; i++) {
                secondOf[c][i] = byFirst[c][i].length() > 1 ? byFirst[c][i].charAt(1) : 0;
            }
        }
    }

    /** True when one of the literals starts at {@code at} in {@code text}. */
    public boolean anyAt(String text, int at) {
        return nextAt(text, at, 0) >= 0;
    }

    /** Each literal that starts at {@code at} in {@code text}, in the order they were given. */
    public void forEachAt(String text, int at, Consumer<String> action) {
        String[] candidates = byFirst[bucket(text.charAt(at))];
        for (int i = nextAt(text, at, 0); i >= 0; i = nextAt(text, at, i + 1)) {
            action.accept(candidates[i]);
        }
    }

    /**
     * The index, in the bucket of {@code text.charAt(at)}, of the first literal from {@code from} on
     * that starts at {@code at}; -1 when none does.
     */
    private int nextAt(String text, int at, int from) {
        int bucket = bucket(text.charAt(at));
        String[] candidates = byFirst[bucket];
        char[] seconds = secondOf[bucket];
        char next = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        for (int i = from; i < candidates.length; i++) {
            if ((seconds[i] == 0 || seconds[i] == next) && text.startsWith(candidates[i], at)) {
                return i;
            }
        }
        return -1;
    }

    private static int bucket(char c) {
        return Math.min(c, OTHER);
    }
}
