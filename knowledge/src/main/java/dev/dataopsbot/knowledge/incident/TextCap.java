package dev.dataopsbot.knowledge.incident;

/** Caps free text stored on the timeline, ending it with a marker that says how much was cut. */
final class TextCap {

    static final int MAX_NOTE_CHARS = 10_000;
    static final int MAX_ALERT_CHARS = 1 << 20;

    private TextCap() {
    }

    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "\n… [cut: " + (text.length() - end) + " more characters]";
    }
}
