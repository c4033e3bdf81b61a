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

    private final int number;
    private final String text;
    private final String lower;
    private final Set<String> words;
    /** One bit per word hash: most gate words are rejected by a mask test before any set lookup. */
    private final long wordBitsLow;
    private final long wordBitsHigh;

    public LogLine(int number, String text) {
        this.number = number;
        this.text = cut(text);
        this.lower = this.text.toLowerCase(Locale.ROOT);
        this.words = Words.of(this.text);
        long low = 0;
        long high = 0;
        for (String word : words) {
            int bit = word.hashCode() & 127;
            if (bit < 64) {
                low |= 1L << bit;
            } else {
                high |= 1L << (bit - 64);
            }
        }
        this.wordBitsLow = low;
        this.wordBitsHigh = high;
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

    /** The gate of most rules: true when the line contains at least one of the words. */
    public boolean hasAnyWord(String... candidates) {
        for (String candidate : candidates) {
            int bit = candidate.hashCode() & 127;
            boolean maybe = bit < 64 ? (wordBitsLow & (1L << bit)) != 0 : (wordBitsHigh & (1L << (bit - 64))) != 0;
            if (maybe && words.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return number + ": " + text;
    }
}
