package dev.dataopsbot.bot.webhook;

import dev.dataopsbot.rules.text.InputLimits;

/**
 * Builds alert text of bounded size: each value is cut at {@link #VALUE_LIMIT} characters and the
 * whole at {@link #TEXT_LIMIT}, each cut marked {@code (cut)}, so one huge annotation can neither
 * crowd out the rest nor make the classifier read megabytes. A cut never splits a word: the text
 * is redacted after it is built, and half a token would no longer be recognised.
 */
final class CappedText {

    static final int VALUE_LIMIT = 8 * 1024;
    static final int TEXT_LIMIT = 64 * 1024;
    static final String CUT = "(cut)";

    private final StringBuilder text = new StringBuilder();

    /** Appends {@code value} as it is, cut at {@link #VALUE_LIMIT}. */
    CappedText value(String value) {
        if (value.length() <= VALUE_LIMIT) {
            text.append(value);
        } else {
            text.append(value.substring(0, InputLimits.headCut(value, boundary(value, VALUE_LIMIT))).stripTrailing())
                    .append(' ').append(CUT);
        }
        return this;
    }

    CappedText literal(String literal) {
        text.append(literal);
        return this;
    }

    CappedText newline() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        if (text.length() <= TEXT_LIMIT) {
            return text.toString();
        }
        String marker = "\n" + CUT;
        return text.substring(0, InputLimits.headCut(text, boundary(text, TEXT_LIMIT - marker.length()))) + marker;
    }

    /** {@code limit}, or one less when that would split a surrogate pair. */
    private static int boundary(CharSequence s, int limit) {
        return Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
