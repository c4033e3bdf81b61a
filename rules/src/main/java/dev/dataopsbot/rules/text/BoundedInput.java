package dev.dataopsbot.rules.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an input stream of any size into at most {@link InputLimits#MAX_CHARS} bytes of text:
 * the first half and the last half are kept, the middle is dropped and marked. Invalid UTF-8
 * and binary bytes become U+FFFD instead of failing. Memory stays bounded whatever the input.
 */
public final class BoundedInput {

    private final int maxBytes;

    public BoundedInput() {
        this(InputLimits.MAX_CHARS);
    }

    BoundedInput(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public String read(InputStream in) throws IOException {
        int half = maxBytes / 2;
        byte[] head = in.readNBytes(half);
        if (head.length < half) {
            return decode(head, 0, head.length);
        }
        // one byte more than the tail, so that the byte before the tail is known when the middle is cut
        int ringSize = half + 1;
        byte[] ring = new byte[ringSize];
        long tailTotal = 0;
        // line breaks after the head (LF, CRLF and a lone CR once each), to tell how many lines a cut drops
        long breaks = 0;
        boolean pendingCr = false;
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                ring[(int) ((tailTotal + i) % ringSize)] = b;
                if (b == '\n' || pendingCr) {
                    breaks++;
                }
                pendingCr = b == '\r';
            }
            tailTotal += n;
        }
        if (pendingCr) {
            breaks++;
        }
        if (tailTotal <= half) {
            byte[] all = new byte[head.length + (int) tailTotal];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(ring, 0, all, head.length, (int) tailTotal);
            return decode(all, 0, all.length);
        }
        byte afterHead = ring[0];
        int start = (int) (tailTotal % ringSize);
        byte beforeTail = ring[start];
        byte[] tail = new byte[half];
        for (int i = 0; i < half; i++) {
            tail[i] = ring[(start + 1 + i) % ringSize];
        }
        long cut = tailTotal - half;
        // a word the cut splits is dropped: redaction runs later and half a token no longer has its format
        String first = decode(head, 0, head.length);
        String next = Character.isWhitespace(afterHead) ? " " : "x";
        first = first.substring(0, InputLimits.headCut(first + next, first.length()));
        String last = decode(tail, 0, tail.length);
        String previous = Character.isWhitespace(beforeTail) ? " " : "x";
        last = last.substring(InputLimits.tailCut(previous + last, 1) - 1);
        long breaksCut = breaks - InputLimits.lineBreaks(last, 0, last.length());
        return first + InputLimits.cutMarker(cut, "bytes", breaksCut) + last;
    }

    /** Decodes UTF-8, replacing malformed and unmappable input with U+FFFD. */
    public static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
