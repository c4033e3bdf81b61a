package dev.dataopsbot.rules;

import java.util.Locale;

/**
 * One normalised line of an alert, the fact most rules match on. {@link #getLower()} is the
 * lower-cased text so that rules can use cheap {@code contains} guards before a regex.
 */
public final class LogLine {

    /** Lines longer than this are cut (head and tail kept) before rules see them. */
    public static final int MAX_CHARS = 2_000;

    private final int number;
    private final String text;
    private final String lower;

    public LogLine(int number, String text) {
        this.number = number;
        this.text = cut(text);
        this.lower = this.text.toLowerCase(Locale.ROOT);
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

    @Override
    public String toString() {
        return number + ": " + text;
    }
}
