package dev.dataopsbot.bot.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How much of a request body an endpoint reads, decided before the first byte: a Content-Length
 * over the cap is answered 413 without reading; what the body may take is reserved from the shared
 * {@link BodyBudget} (the declared length, or twice the cap for a chunked body, which is read into a
 * buffer of the cap and then cut to size); a chunked body is read up to the cap and answered 413 at
 * the first byte past it. After a 413, {@link #discardRest} reads and drops what is left of a body
 * that declared a length of up to {@link #DISCARD_MAX} (a small buffer, no heap kept), so that a
 * sender still uploading reads the 413 instead of a reset connection; a larger or chunked body
 * gets its connection closed.
 */
final class BodyLimit {

    static final long DISCARD_MAX = 16L << 20;

    private final int maxBytes;
    private final BodyBudget budget;

    BodyLimit(int maxBytes, BodyBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** The whole body, held against the budget until the returned {@link Body} is closed. */
    Body read(HttpServletRequest request) throws RejectedRequest {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        BodyBudget.Reservation reservation = budget.reserve(declared < 0 ? 2 * (maxBytes + 1) : (int) declared);
        try {
            byte[] bytes = declared < 0 ? readChunked(request.getInputStream()) : readExactly(request.getInputStream(), (int) declared);
            return new Body(bytes, reservation);
        } catch (RejectedRequest e) {
            reservation.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            reservation.close();
            throw new RejectedRequest(400, "incomplete_body", "the request body could not be read to its end");
        }
    }

    /**
     * Drops the rest of a refused body when it declared a length of at most {@link #DISCARD_MAX}.
     *
     * @return true when the body was read to its end (the connection can stay open)
     */
    static boolean discardRest(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared < 0 || declared > DISCARD_MAX) {
            return false;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > DISCARD_MAX) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException, RejectedRequest {
        byte[] bytes = new byte[length];
        if (in.readNBytes(bytes, 0, length) < length) {
            throw new RejectedRequest(400, "incomplete_body", "the request body ended before its Content-Length");
        }
        return bytes;
    }

    private byte[] readChunked(InputStream in) throws IOException, RejectedRequest {
        byte[] buffer = new byte[maxBytes + 1];
        int length = in.readNBytes(buffer, 0, buffer.length);
        if (length > maxBytes) {
            throw tooLarge();
        }
        return Arrays.copyOf(buffer, length);
    }

    private RejectedRequest tooLarge() {
        return new RejectedRequest(413, "too_large", "request body larger than " + size(maxBytes));
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** A body read in full; closing it gives its bytes back to the budget. */
    static final class Body implements AutoCloseable {

        private final byte[] bytes;
        private final BodyBudget.Reservation reservation;

        private Body(byte[] bytes, BodyBudget.Reservation reservation) {
            this.bytes = bytes;
            this.reservation = reservation;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public void close() {
            reservation.close();
        }
    }
}
