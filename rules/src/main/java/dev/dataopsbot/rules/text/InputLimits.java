package dev.dataopsbot.rules.text;

/** Size limits applied to every alert before any rule or regex sees it. */
public final class InputLimits {

    /** Alerts are capped at 1 MiB; the head and the tail are kept, the middle is cut and marked. */
    public static final int MAX_CHARS = 1 << 20;

    private InputLimits() {
    }

    private static final String CUT_NOTICE = "cut by dataops-bot: input larger than 1 MiB";

    /** The line inserted where the middle of an oversized input was cut. */
    public static String cutMarker(long cutAmount, String unit) {
        return "\n[… " + cutAmount + " " + unit + " " + CUT_NOTICE + " …]\n";
    }

    /** Whether the text carries the marker of {@link #cutMarker}. */
    public static boolean wasCut(String text) {
        return text.contains(CUT_NOTICE);
    }
}
