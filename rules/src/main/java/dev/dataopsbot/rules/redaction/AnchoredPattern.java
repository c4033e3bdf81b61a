package dev.dataopsbot.rules.redaction;

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
final class AnchoredPattern {

    /** Where matches can start. */
    @FunctionalInterface
    interface Starts {
        /** Candidate start positions in the text, in any order, duplicates allowed. */
        void in(String text, Positions sink);
    }

    /** Receives each match; false rejects it (the search then goes on from the next candidate). */
    @FunctionalInterface
    interface MatchFilter {
        boolean accept(MatchResult match);
    }

    /** Receives each match and says where the next match may start, or -1 to reject it. */
    @FunctionalInterface
    interface MatchSink {
        int accept(Matcher match);
    }

    private final Pattern pattern;
    private final Starts starts;

    AnchoredPattern(Pattern pattern, Starts starts) {
        this.pattern = pattern;
        this.starts = starts;
    }

    /** Matches start at an occurrence of one of the literals (case-sensitive). */
    static Starts atLiterals(String... literals) {
        return (text, sink) -> {
            for (String literal : literals) {
                for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
                    sink.add(i);
                }
            }
        };
    }

    /**
     * Each match is reported once, left to right, not overlapping the previous accepted one.
     */
    void forEachMatch(String text, MatchFilter consumer) {
        Positions positions = new Positions();
        starts.in(text, positions);
        matchAt(pattern, text, positions.sorted(), m -> consumer.accept(m) ? m.end() : -1);
    }

    /**
     * Tries {@code pattern} at each of the sorted {@code candidates}; a candidate before where the
     * sink said the next match may start is skipped, a rejected match lets the next candidate try.
     */
    static void matchAt(Pattern pattern, String text, int[] candidates, MatchSink sink) {
        if (candidates.length == 0) {
            return;
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int next = 0;
        for (int start : candidates) {
            if (start < next || start < 0 || start >= text.length()) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                int resume = sink.accept(m);
                if (resume >= 0) {
                    next = Math.max(resume, start + 1);
                }
            }
        }
    }

    /** A growable list of candidate positions. */
    static final class Positions {
        private int[] values = new int[16];
        private int size;

        void add(int position) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
