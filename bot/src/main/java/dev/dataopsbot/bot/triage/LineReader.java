package dev.dataopsbot.bot.triage;

import java.io.IOException;
import java.io.Reader;

/** Reads LF-separated lines with a length cap: an oversized line is skipped, not buffered. */
final class LineReader {

    record Line(String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line end, or null at the end of input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? new Line(tooLong ? "" : strip(line), tooLong) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
                if (line.length() > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
            if (position < limit) {
                position++;
                return new Line(tooLong ? "" : strip(line), tooLong);
            }
        }
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
