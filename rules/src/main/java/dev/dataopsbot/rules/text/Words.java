package dev.dataopsbot.rules.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text, lower-cased: runs of ASCII letters and digits, plus the parts of
 * camelCase identifiers beside the whole identifier, so that "ExpiredTokenException" gives
 * "expiredtokenexception", "expired", "token" and "exception", and "invalid_grant" gives
 * "invalid" and "grant".
 */
public final class Words {

    private Words() {
    }

    public static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(words, text, start, i);
                start = -1;
            }
        }
        return words;
    }

    private static void add(Set<String> words, String text, int start, int end) {
        words.add(text.substring(start, end).toLowerCase(Locale.ROOT));
        int partStart = start;
        for (int i = start + 1; i < end; i++) {
            char previous = text.charAt(i - 1);
            char c = text.charAt(i);
            boolean lowerToUpper = Character.isLowerCase(previous) && Character.isUpperCase(c);
            boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(c)
                    && i + 1 < end && Character.isLowerCase(text.charAt(i + 1));
            if (lowerToUpper || acronymEnd) {
                words.add(text.substring(partStart, i).toLowerCase(Locale.ROOT));
                partStart = i;
            }
        }
        if (partStart > start) {
            words.add(text.substring(partStart, end).toLowerCase(Locale.ROOT));
        }
    }
}
