package dev.dataopsbot.rules;

import java.util.Locale;
import java.util.Set;

import dev.dataopsbot.rules.text.Words;

/**
 * One normalised line of an alert, the fact most rules match on.
 *
 * <p>Rules first gate on {@link #hasAnyWord(String...)} (hash lookups: "does the line contain the
 * word {@code expired}?"), then check literal phrases with {@link #containsAny(String...)}, and
 * only then run a regex on {@link #getLower()}. Most lines of a log are
 * noise that no gate lets through, which keeps classification fast however many rules there are.
 */
public final class LogLine {

    /** Lines longer than this are cut (head and tail kept) before rules see them. */
    public static final int MAX_CHARS = 1_200;
    private static final int WORD_BITS = 1024;

    private final int number;
    private final String text;
    private final String lower;
    private final Set<String> words;
    /**
     * One bit per word hash (a one-hash Bloom filter): most gate words are rejected by a bit test
     * before any set lookup, even on a long line with a hundred distinct words.
     */
    private final long[] wordBits = new long[WORD_BITS / 64];

    public LogLine(int number, String text) {
        this.number = number;
        this.text = cut(text);
        this.lower = this.text.toLowerCase(Locale.ROOT);
        this.words = Words.of(this.text);
        for (String word : words) {
            int bit = bitOf(word);
            wordBits[bit >>> 6] |= 1L << bit;
        }
    }

    private static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int half = MAX_CHARS / 2;
        return text.substring(0, half) + " … " + text.substring(text.length() - half);
    }

    /** 1-based line number in the normalised alert text. */
    public int getNumber() {
        return number;
    }

    public String getText() {
        return text;
    }

    public String getLower() {
        return lower;
    }

    /**
     * True when the lower-cased line contains one of the phrases: a plain substring search,
     * far cheaper than a regex alternation for the literal phrases of a rule.
     */
    public boolean containsAny(String... phrases) {
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the regex matches somewhere in the lower-cased line: what
     * {@code lower matches ".*(...).*"} says, tried only where the regex's leading literals
     * occur (see {@link LineRegex}).
     */
    public boolean find(String regex) {
        return LineRegex.of(regex).foundIn(lower);
    }

    /** The gate of most rules: true when the line contains at least one of the words. */
    public boolean hasAnyWord(String... candidates) {
        for (String candidate : candidates) {
            int bit = bitOf(candidate);
            if ((wordBits[bit >>> 6] & (1L << bit)) != 0 && words.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the line's words (see {@link Words}) to {@code into}. */
    void addWordsTo(Set<String> into) {
        into.addAll(words);
    }

    private static int bitOf(String word) {
        int h = word.hashCode();
        return (h ^ (h >>> 16)) & (WORD_BITS - 1);
    }

    @Override
    public String toString() {
        return number + ": " + text;
    }
}
