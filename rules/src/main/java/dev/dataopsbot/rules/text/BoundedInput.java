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
        byte[] ring = new byte[half];
        long tailTotal = 0;
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                ring[(int) ((tailTotal + i) % half)] = chunk[i];
            }
            tailTotal += n;
        }
        if (tailTotal <= half) {
            byte[] all = new byte[head.length + (int) tailTotal];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(ring, 0, all, head.length, (int) tailTotal);
            return decode(all, 0, all.length);
        }
        byte[] tail = new byte[half];
        int start = (int) (tailTotal % half);
        System.arraycopy(ring, start, tail, 0, half - start);
        System.arraycopy(ring, 0, tail, half - start, start);
        long cut = tailTotal - half;
        return decode(head, 0, head.length) + InputLimits.cutMarker(cut, "bytes") + decode(tail, 0, tail.length);
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
