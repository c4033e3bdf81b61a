package dev.dataopsbot.rules.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings text from a terminal, a log viewer or Slack into one plain form: LF line ends, no ANSI
 * colour codes, no control bytes, no Slack markup (code fences, {@code <url|label>} links,
 * {@code &lt;} escapes), and at most {@link InputLimits#MAX_CHARS} characters (head and tail
 * kept, the cut marked).
 */
public final class TextNormalizer {

    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\\][^\u0007\u001B]{0,512}(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])");
    private static final Pattern SLACK_LINK = Pattern.compile("<([^<>|\\s]{1,2048})(?:\\|([^<>]{0,512}))?>");

    public String normalize(String raw) {
        String text = cap(raw);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.indexOf('\u001B') >= 0) {
            text = ANSI.matcher(text).replaceAll("");
        }
        text = replaceControlCharacters(text);
        text = text.replace("```", "\n");
        text = unlink(text);
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.strip();
    }

    private static String cap(String text) {
        if (text.length() <= InputLimits.MAX_CHARS) {
            return text;
        }
        if (text.length() <= InputLimits.MAX_CHARS + InputLimits.MARKER_ROOM && InputLimits.wasCut(text)) {
            // cut once already (BoundedInput): a second cut would drop the first marker and its line count
            return text;
        }
        int half = InputLimits.MAX_CHARS / 2;
        int headEnd = InputLimits.headCut(text, half);
        int tailStart = InputLimits.tailCut(text, text.length() - half);
        return text.substring(0, headEnd)
                + InputLimits.cutMarker((long) tailStart - headEnd, "characters",
                        InputLimits.lineBreaks(text, headEnd, tailStart))
                + text.substring(tailStart);
    }

    private static String replaceControlCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Slack's {@code <https://x|label>} becomes {@code label (https://x)}, {@code <@U1>} becomes {@code @U1}. */
    private static String unlink(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        Matcher m = SLACK_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String target = m.group(1);
            String label = m.group(2);
            String replacement;
            if (target.startsWith("@") || target.startsWith("#") || target.startsWith("!")) {
                String name = label != null && !label.isBlank() ? label : target.substring(1);
                replacement = (target.startsWith("#") ? "#" : "@") + name;
            } else if (label != null && !label.isBlank() && !label.equals(target)) {
                replacement = label + " (" + target + ")";
            } else {
                replacement = target;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
