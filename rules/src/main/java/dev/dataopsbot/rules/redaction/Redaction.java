package dev.dataopsbot.rules.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The spans found in one text, applied together. Spans that overlap or touch become one
 * replacement, so a secret that two kinds see differently ({@code password=ghp_...} is both a
 * key-value pair and a GitHub token) is removed whole whichever saw more of it; the merged span is
 * counted once, for the kind listed first, and replaced by that kind's replacement.
 */
final class Redaction {

    private final List<Span> spans = new ArrayList<>();

    void add(Span span) {
        if (span.end() > span.start()) {
            spans.add(span);
        }
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }

    /** The text with every span replaced; adds one count per replacement to {@code counts}. */
    String applyTo(String text, Map<String, Integer> counts) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::rank));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < spans.size()) {
            Span winner = spans.get(i);
            int start = winner.start();
            int end = winner.end();
            for (i++; i < spans.size() && spans.get(i).start() <= end; i++) {
                Span next = spans.get(i);
                end = Math.max(end, next.end());
                if (next.rank() < winner.rank()) {
                    winner = next;
                }
            }
            out.append(text, copied, start).append(winner.replacement());
            counts.merge(winner.kind(), 1, Integer::sum);
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
