package dev.dataopsbot.rules.text;

import java.util.Arrays;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex tried only where a cheap scan says a match can start. {@link Matcher#find()} tries a
 * pattern at every position of the text, which for an alternation or a look-behind costs tens of
 * nanoseconds per character; most secrets start with a fixed literal ({@code AKIA}, {@code eyJ},
 * {@code password}) or a fixed character ({@code +}, a digit), found by {@link String#indexOf}
 * at memory speed. The pattern is then only asked to match <em>at</em> each candidate
 * ({@link Matcher#lookingAt()} with transparent bounds, so {@code \b} and look-behinds still see
 * the text before it). Same matches as {@code find()}, as long as every match starts at a
 * candidate.
 */
public final class AnchoredPattern {

    /** Where matches can start. */
    @FunctionalInterface
    public interface Starts {
        /** Candidate start positions in the text, in any order, duplicates allowed. */
        void in(String text, Positions sink);
    }

    private final Pattern pattern;
    private final Starts starts;

    public AnchoredPattern(Pattern pattern, Starts starts) {
        this.pattern = pattern;
        this.starts = starts;
    }

    /** Matches start at an occurrence of one of the literals (case-sensitive). */
    public static Starts atLiterals(String... literals) {
        return (text, sink) -> {
            for (String literal : literals) {
                for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
                    sink.add(i);
                }
            }
        };
    }

    /** Matches start at an occurrence of one of the lower-case literals, ignoring ASCII case. */
    public static Starts atLiteralsIgnoringCase(String... lowerCaseLiterals) {
        return (text, sink) -> atLiterals(lowerCaseLiterals).in(Ascii.lower(text), sink);
    }

    /**
     * Each match is reported once, left to right, not overlapping the previous one; the consumer
     * returns false to reject a match (the search then goes on from the next candidate).
     */
    public void forEachMatch(String text, MatchFilter consumer) {
        Positions positions = new Positions();
        starts.in(text, positions);
        int[] candidates = positions.sorted();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int next = 0;
        for (int start : candidates) {
            if (start < next || start < 0 || start >= text.length()) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt() && consumer.accept(m)) {
                next = Math.max(m.end(), start + 1);
            }
        }
    }

    /** Receives each match; false rejects it. */
    @FunctionalInterface
    public interface MatchFilter {
        boolean accept(MatchResult match);
    }

    /** A growable list of candidate positions. */
    public static final class Positions {
        private int[] values = new int[16];
        private int size;

        public void add(int position) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
