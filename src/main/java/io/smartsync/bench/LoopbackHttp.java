package io.smartsync.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A blocking HTTP/1.1 client for the bench's timed calls to a server on this machine: each exchange runs
 * on the caller's thread over a kept-alive socket, so a timing holds the server's answer and the loopback,
 * not a client library's thread hand-offs. (The JDK's {@code HttpClient} passes every exchange through its
 * selector thread and an executor: at the bench's pace of a visit every few hundred milliseconds that
 * added about 2 ms to a 1 ms answer on this machine.) Sockets are pooled, one per concurrent caller.
 * Thread-safe.
 */
final class LoopbackHttp implements AutoCloseable {
    /** An answer: its status and its whole body. */
    record Response(int status, byte[] body) {}

    private static final int TIMEOUT_MS = (int) Duration.ofMinutes(15).toMillis();

    private final int port;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    LoopbackHttp(int port) {
        this.port = port;
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param headers extra header lines, each {@code "Name: value"}
     * @param body the request body, or null for none
     */
    Response exchange(String method, String path, byte[] body, String... headers) throws IOException {
        Connection c = idle.pollFirst();
        boolean reused = c != null;
        if (c == null) {
            c = new Connection(port);
        }
        try {
            Response r = c.exchange(method, path, body, headers);
            if (c.open) {
                idle.addFirst(c);
            } else {
                c.close();
            }
            return r;
        } catch (IOException e) {
            c.close();
            if (reused) {
                // The server may have closed a socket that sat idle: one fresh try.
                return exchange(method, path, body, headers);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            c.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean open = true;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Response exchange(String method, String path, byte[] body, String... headers) throws IOException {
            StringBuilder head =
                    new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            head.append("Content-Length: ")
                    .append(body == null ? 0 : body.length)
                    .append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();

            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> open &= !value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            byte[] answer;
            if (chunked) {
                answer = chunks();
            } else if (length >= 0) {
                answer = in.readNBytes((int) length);
                if (answer.length < length) {
                    throw new IOException("connection closed in the middle of an answer");
                }
            } else {
                answer = in.readAllBytes(); // no length: the answer ends with the connection
                open = false;
            }
            return new Response(status, answer);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {} // trailers
                    return all.toByteArray();
                }
                all.write(in.readNBytes(n));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed in the middle of an answer");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket whose peer went away
            }
        }
    }
}
