package dev.dataopsbot.rules.text;

/** ASCII-only case folding: the result has the same length, so offsets in it are offsets in the original. */
public final class Ascii {

    private Ascii() {
    }

    public static String lower(String text) {
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
                changed = true;
            }
        }
        return changed ? new String(chars) : text;
    }
}
