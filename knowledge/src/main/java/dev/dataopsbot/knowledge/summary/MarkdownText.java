package dev.dataopsbot.knowledge.summary;

import java.util.regex.Pattern;

/**
 * Escapes user text for the place it goes in markdown, so that no input (pipes, newlines, a
 * leading {@code #}, backtick fences, HTML tags) can leave its table cell or list item. Control
 * characters are dropped; escaping is minimal so that the raw file stays readable.
 */
final class MarkdownText {

    static final String ELLIPSIS = "…";
    private static final String CELL_BREAK = "<br>";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MarkdownText() {
    }

    /** One line, whitespace runs squeezed to one space; safe at the start of a line and in a table cell. */
    static String inline(String text) {
        String line = WHITESPACE.matcher(clean(text)).replaceAll(" ");
        StringBuilder out = new StringBuilder(line.length() + 8);
        escapeLine(line, true, true, out);
        return out.toString();
    }

    /**
     * A table cell: at most {@code maxChars} characters of the text (then {@value #ELLIPSIS}),
     * line breaks kept as {@code <br>}, blank lines dropped.
     */
    static String cell(String text, int maxChars) {
        String lines = truncate(squeezeLines(clean(text)), maxChars);
        StringBuilder out = new StringBuilder(lines.length() + 16);
        int start = 0;
        while (true) {
            int end = lines.indexOf('\n', start);
            escapeLine(lines.substring(start, end < 0 ? lines.length() : end), false, true, out);
            if (end < 0) {
                return out.toString();
            }
            out.append(CELL_BREAK);
            start = end + 1;
        }
    }

    /**
     * The body of a list item, whole: the first line as is (it follows the item's own text), each
     * further line on its own line after {@code indent} with block markers escaped, blank lines
     * dropped so that the item stays one paragraph.
     */
    static String block(String text, String indent) {
        String[] lines = squeezeLines(clean(text)).split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n').append(indent);
            }
            escapeLine(lines[i], i > 0, false, out);
        }
        return out.toString();
    }

    /** An inline code span around one line of text, whatever backticks it holds; not for table cells. */
    static String code(String text) {
        String line = WHITESPACE.matcher(clean(text)).replaceAll(" ");
        String fence = "`".repeat(longestRun(line, '`') + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /** A fenced code block of the text, with a fence longer than any backtick run inside. */
    static String fenced(String text, String info) {
        String body = clean(text);
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        return fence + info + "\n" + body + "\n" + fence;
    }

    /** At most {@code maxChars} characters, the last being {@value #ELLIPSIS} when cut; never splits a pair. */
    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** No carriage returns or control characters other than newline; tabs become spaces; stripped. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c >= ' ' && c != '\u007f' || c == '\n';
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.append(c);
                } else if (c == '\t') {
                    out.append(' ');
                } else if (c == '\r') {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append('\n');
                    }
                }
            }
        }
        return (out == null ? text : out.toString()).strip();
    }

    /** Each line stripped, blank lines left out. */
    private static String squeezeLines(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }

    /**
     * Appends one line. Outside code spans: pipes escaped, a backslash doubled where it would
     * escape what follows, a tag or autolink opener escaped (so no HTML either), and backticks
     * that open no code span on this line escaped, so that no span reaches into the next line or
     * cell. At a line start also the first character of a block marker (heading, quote, list,
     * tilde fence, thematic break, setext underline, link reference definition). Inside code
     * spans, where backslashes are literal, only a table cell's pipes are escaped, as GFM needs.
     */
    private static void escapeLine(String line, boolean lineStart, boolean cell, StringBuilder out) {
        int from = 0;
        if (lineStart && !line.isEmpty()) {
            if ("#>-+*=~_[".indexOf(line.charAt(0)) >= 0) {
                out.append('\\');
            } else {
                int digits = 0;
                while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
                    digits++;
                }
                if (digits > 0 && digits < 10 && digits < line.length()
                        && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
                    out.append(line, 0, digits).append('\\');
                    from = digits;
                }
            }
        }
        int spanEnd = -1;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : '\n';
            if (i < spanEnd) {
                if (cell && (c == '|' || c == '\\' && next == '|')) {
                    out.append('\\');
                }
                out.append(c);
                continue;
            }
            if (c == '`') {
                int run = runLength(line, i, '`');
                int close = closingRun(line, i + run, run);
                if (close < 0) {
                    out.append("\\`".repeat(run));
                } else {
                    spanEnd = close + run;
                    out.append(line, i, i + run);
                }
                i += run - 1;
                continue;
            }
            if (c == '|') {
                out.append('\\');
            } else if (c == '\\' && (next == '\n' || isAsciiPunctuation(next))) {
                out.append('\\');
            } else if (c == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?')) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static int runLength(String text, int start, char c) {
        int end = start;
        while (end < text.length() && text.charAt(end) == c) {
            end++;
        }
        return end - start;
    }

    /** Where the first backtick run of exactly {@code length} at or after {@code from} starts, or -1. */
    private static int closingRun(String line, int from, int length) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '`') {
                int run = runLength(line, i, '`');
                if (run == length) {
                    return i;
                }
                i += run - 1;
            }
        }
        return -1;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
