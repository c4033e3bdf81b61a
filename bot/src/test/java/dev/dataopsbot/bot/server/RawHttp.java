package dev.dataopsbot.bot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not send (a lying
 * Content-Length, a malformed request line, a body the server stops reading): the body is written
 * on its own thread while the answer is read, so an answer sent before the body is read still
 * arrives.
 */
public final class RawHttp {

    /** The answer: status, headers (lower-case names) and body; how many body bytes were written before it. */
    public record Answer(int status, Map<String, String> headers, String body, long bodyBytesWritten) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code head} (request line and header lines, each ending in CRLF, without the blank line)
     * and then {@code bodyBytes} bytes ({@code chunked}: in 64 KiB chunks of the chunked encoding)
     * starting with {@code bodyStart} and padded with {@code x}; returns the first answer.
     */
    public static Answer exchange(int port, String head, String bodyStart, long bodyBytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> writeBody(out, bodyStart.getBytes(StandardCharsets.UTF_8), bodyBytes, chunked, written),
                    "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(new java.io.BufferedInputStream(socket.getInputStream()), written);
            socket.close();
            return answer;
        }
    }

    /** A request without a body. */
    public static Answer exchange(int port, String head) throws IOException {
        return exchange(port, head, "", 0, false);
    }

    private static void writeBody(OutputStream out, byte[] start, long size, boolean chunked, AtomicLong written) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try {
            long sent = 0;
            while (sent < size) {
                int n = (int) Math.min(chunk.length, size - sent);
                byte[] piece = chunk;
                if (sent == 0 && start.length > 0) {
                    piece = chunk.clone();
                    System.arraycopy(start, 0, piece, 0, Math.min(start.length, n));
                }
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(piece, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent += n;
                written.set(sent);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected when the server answers before the body is sent and closes the connection
        }
    }

    private static Answer read(InputStream in, AtomicLong written) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without an answer");
        }
        long writtenBeforeAnswer = written.get();
        Map<String, String> headers = new HashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8),
                writtenBeforeAnswer);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
