package dev.dataopsbot.rules.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal that every match of a secret kind contains, found ignoring ASCII case. Most matches
 * start at their anchor ({@code ghp_}); some start a fixed or bounded distance before it
 * ({@code -us before 32} for a Mailchimp key, {@code :AA before 8-10} for a Telegram bot token
 * whose bot id has 8 to 10 digits).
 *
 * @param literal the literal, lower-cased, at least two characters
 * @param minBack the fewest characters a match starts before the literal
 * @param maxBack the most characters a match starts before the literal
 */
record Anchor(String literal, int minBack, int maxBack) {

    static final int MAX_BACK = 128;
    private static final Pattern SPEC = Pattern.compile("(.+?)(?: before (\\d{1,3})(?:-(\\d{1,3}))?)?");

    Anchor {
        if (literal.length() < 2) {
            throw new IllegalArgumentException("anchor '" + literal + "' is shorter than 2 characters");
        }
        if (minBack < 0 || maxBack < minBack || maxBack > MAX_BACK) {
            throw new IllegalArgumentException("anchor '" + literal + "': 'before' must be N or N-M with N <= M <= " + MAX_BACK);
        }
    }

    /** {@code literal}, {@code literal before N} or {@code literal before N-M}. */
    static Anchor parse(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("anchor is empty");
        }
        String literal = lower(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int max = m.group(3) == null ? min : Integer.parseInt(m.group(3));
        return new Anchor(literal, min, max);
    }

    /** ASCII lower case, the case the index compares in. */
    static String lower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(lower(text.charAt(i)));
        }
        return out.toString();
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
