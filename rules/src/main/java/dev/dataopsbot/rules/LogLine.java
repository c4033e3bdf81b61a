package dev.dataopsbot.rules;

import java.util.Locale;
import java.util.Set;

import dev.dataopsbot.rules.text.Words;

/**
 * One normalised line of an alert, the fact most rules match on.
 *
 * <p>Rules first gate on {@link #getWords()} (a hash lookup: "does the line contain the word
 * {@code expired}?") and only then run a regex on {@link #getLower()}. Most lines of a log are
 * noise that no gate lets through, which keeps classification fast however many rules there are.
 */
public final class LogLine {

    /** Lines longer than this are cut (head and tail kept) before rules see them. */
    public static final int MAX_CHARS = 1_200;

    private final int number;
    private final String text;
    private final String lower;
    private final Set<String> words;

    public LogLine(int number, String text) {
        this.number = number;
        this.text = cut(text);
        this.lower = this.text.toLowerCase(Locale.ROOT);
        this.words = Words.of(this.text);
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

    public Set<String> getWords() {
        return words;
    }

    /** The gate of most rules: true when the line contains at least one of the words. */
    public boolean hasAnyWord(String... candidates) {
        for (String candidate : candidates) {
            if (words.contains(candidate)) {
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
