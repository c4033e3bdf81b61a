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
            boolean wordChar = IdentifierWords.isAsciiAlphanumeric(c);
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
        // a word of one part adds itself again, which a set ignores; no list per word on this hot path
        IdentifierWords.splitCamel(text, start, end, words);
    }
}
