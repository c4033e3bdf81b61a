package dev.dataopsbot.bot.alert;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The lines of an alert as they are collected: blank lines dropped, a line that repeats an earlier
 * one (ignoring case, spacing, emphasis markers, emoji codes and trailing punctuation) dropped, and
 * the whole bounded to {@link #MAX_CHARS}. Integrations repeat the same sentence in the message text,
 * an attachment's fallback and a section; one copy is enough to classify.
 */
final class DistinctLines {

    /** 1 MiB of characters: the classifier's own input limit. */
    static final int MAX_CHARS = 1 << 20;

    /** A fallback that only adds a joining word ("for", "on") says nothing new. */
    static final double COVERED_SHARE = 0.8;

    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:");
    private static final Pattern MARKERS = Pattern.compile("[*_~`>]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.:;,!]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final StringBuilder text = new StringBuilder();
    private final Set<String> seenLines = new HashSet<>();
    private final Set<String> seenWords = new HashSet<>();

    /** Adds each line of {@code piece} that is new. */
    void add(String piece) {
        if (piece == null || piece.isBlank()) {
            return;
        }
        Iterator<String> lines = piece.lines().iterator();
        while (lines.hasNext() && !isFull()) {
            addLine(lines.next().strip());
        }
    }

    /**
     * Adds {@code summary} unless it is covered (see {@link #covered}): for fallbacks and
     * notification text, which restate the title and body in other words.
     */
    void addUnlessCovered(String summary) {
        if (summary != null && !covered(summary)) {
            add(summary);
        }
    }

    /** True when at least {@link #COVERED_SHARE} of the words of {@code piece} were already collected. */
    boolean covered(String piece) {
        List<String> words = WORD.matcher(piece.toLowerCase()).results().map(MatchResult::group).toList();
        long seen = words.stream().filter(seenWords::contains).count();
        return seen >= COVERED_SHARE * words.size();
    }

    boolean isFull() {
        return text.length() >= MAX_CHARS;
    }

    String text() {
        return text.toString();
    }

    private void addLine(String line) {
        if (line.isEmpty() || !seenLines.add(key(line))) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        int room = MAX_CHARS - text.length();
        text.append(line, 0, Math.min(line.length(), room));
        WORD.matcher(line.toLowerCase()).results().forEach(w -> seenWords.add(w.group()));
    }

    private static String key(String line) {
        String plain = MARKERS.matcher(EMOJI.matcher(line.toLowerCase()).replaceAll("")).replaceAll("");
        return TRAILING.matcher(SPACE.matcher(plain).replaceAll(" ").strip()).replaceAll("");
    }
}
