package dev.dataopsbot.bot.slack;

import java.util.regex.Pattern;

/**
 * A word someone typed, quoted back in a usage hint: a short plain word as typed ({@code 'twelve'},
 * {@code 'SEV9'}), anything longer or stranger, which may be a pasted token, as {@code that}. The
 * hint goes back to Slack, so it must not carry what the redactor would have removed.
 */
final class TypedWord {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]{1,16}");

    private TypedWord() {
    }

    /** {@code open} + the word + {@code close}, or {@code that} when the word is not plain. */
    static String quoted(String word, String open, String close) {
        return word != null && PLAIN.matcher(word).matches() ? open + word + close : "that";
    }
}
