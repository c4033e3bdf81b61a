package dev.dataopsbot.rules.text;

/** Size limits applied to every alert before any rule or regex sees it. */
public final class InputLimits {

    /** Alerts are capped at 1 MiB; the head and the tail are kept, the middle is cut and marked. */
    public static final int MAX_CHARS = 1 << 20;

    private InputLimits() {
    }

    /** The longest run of non-whitespace a cut drops rather than splits: longer than any token format we redact. */
    public static final int MAX_WORD = 4096;

    private static final String CUT_NOTICE = "cut by dataops-bot: input larger than 1 MiB";

    /** The line inserted where the middle of an oversized input was cut. */
    public static String cutMarker(long cutAmount, String unit) {
        return "\n[… " + cutAmount + " " + unit + " " + CUT_NOTICE + " …]\n";
    }

    /**
     * Where a head kept up to {@code end} should really end so that no word (run of non-whitespace)
     * is cut in two: redaction runs after the cut, and the first half of a token no longer has the
     * token's format, so it would be kept as it is. The partial word is dropped instead, when it is
     * at most {@link #MAX_WORD} characters long; a longer run is a blob, not a token, and is cut
     * where it is.
     */
    public static int headCut(CharSequence text, int end) {
        if (end <= 0 || end >= text.length() || Character.isWhitespace(text.charAt(end))
                || Character.isWhitespace(text.charAt(end - 1))) {
            return Math.max(0, Math.min(end, text.length()));
        }
        int cut = end;
        while (cut > 0 && end - cut <= MAX_WORD && !Character.isWhitespace(text.charAt(cut - 1))) {
            cut--;
        }
        return end - cut > MAX_WORD ? end : cut;
    }

    /** Where a tail kept from {@code start} should really start so that no word is cut in two ({@link #headCut}). */
    public static int tailCut(CharSequence text, int start) {
        if (start <= 0 || start >= text.length() || Character.isWhitespace(text.charAt(start - 1))
                || Character.isWhitespace(text.charAt(start))) {
            return Math.max(0, Math.min(start, text.length()));
        }
        int cut = start;
        while (cut < text.length() && cut - start <= MAX_WORD && !Character.isWhitespace(text.charAt(cut))) {
            cut++;
        }
        return cut - start > MAX_WORD ? start : cut;
    }

    /** Whether the text carries the marker of {@link #cutMarker}. */
    public static boolean wasCut(String text) {
        return text.contains(CUT_NOTICE);
    }
}
