package dev.dataopsbot.rules.text;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Size limits applied to every alert before any rule or regex sees it. */
public final class InputLimits {

    /** Alerts are capped at 1 MiB; the head and the tail are kept, the middle is cut and marked. */
    public static final int MAX_CHARS = 1 << 20;

    private InputLimits() {
    }

    /** The longest run of non-whitespace a cut drops rather than splits: longer than any token format we redact. */
    public static final int MAX_WORD = 4096;

    private static final String CUT_NOTICE = "cut by dataops-bot: input larger than 1 MiB";
    private static final Pattern LINES_CUT = Pattern.compile(Pattern.quote(CUT_NOTICE) + " \\((\\d{1,18}) lines\\)");
    /** Room a cut marker takes: a text cut once, marker included, is not cut again for being this much over. */
    public static final int MARKER_ROOM = 160;

    /**
     * The line inserted where the middle of an oversized input was cut, with the number of line
     * breaks cut (see {@link #linesCut}), so that lines after the cut keep their original numbers.
     */
    public static String cutMarker(long cutAmount, String unit, long lineBreaksCut) {
        return "\n[… " + cutAmount + " " + unit + " " + CUT_NOTICE + " (" + lineBreaksCut + " lines) …]\n";
    }

    /**
     * How many line breaks the cut marked on {@code line} removed; empty when the line is no cut
     * marker. The marker itself adds two line breaks, so the lines after it lie
     * {@code linesCut - 2} lines further down in the original input.
     */
    public static OptionalLong linesCut(String line) {
        if (!line.contains(CUT_NOTICE)) {
            return OptionalLong.empty();
        }
        Matcher m = LINES_CUT.matcher(line);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Line breaks in {@code text[from, to)}: LF, CRLF and a lone CR each count once, as the normaliser reads them. */
    public static long lineBreaks(CharSequence text, int from, int to) {
        long breaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
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
