package io.smartsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counted wire counts exactly what a Caspio request and its answer put on the wire: the request line
 * with its URI, every header and the body, and the answer's status line, headers and body. The expected
 * counts are added up here from the parts of the request sent and of the answer read.
 */
class WireCounterTest {
    @TempDir
    Path dir;

    @Test
    void a_token_request_and_its_answer_are_counted_with_their_lines_headers_and_bodies() throws IOException {
        try (CaspioEmulator emulator = CaspioEmulator.start(
                        EmulatorConfig.defaults(dir).withPort(0).withMembers(1).withNotesPerMember(1));
                WireCounter wire = WireCounter.start(emulator.baseUri())) {
            String body = "grant_type=client_credentials&client_id=demo&client_secret=demo-secret";
            String requestLine = "POST /oauth/token?counted=yes HTTP/1.1";
            List<String> headers = List.of(
                    "Host: 127.0.0.1",
                    "Content-Type: application/x-www-form-urlencoded",
                    "Content-Length: " + body.length(),
                    "Connection: close");
            long expectedUp = length(requestLine, headers) + body.length();

            Answer answer = exchange(wire.uri(), requestLine, headers, body);

            assertThat(answer.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(answer.body()).contains("access_token");
            long expectedDown = length(answer.statusLine(), answer.headers())
                    + answer.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(wire.bytes()).isEqualTo(new WireCounter.Bytes(expectedUp, expectedDown));
        }
    }

    /** A line and headers as HTTP/1.1 sends them: each ends with CRLF, and an empty line ends them. */
    private static long length(String firstLine, List<String> headers) {
        long n = firstLine.length() + 2;
        for (String h : headers) {
            n += h.length() + 2;
        }
        return n + 2;
    }

    record Answer(String statusLine, List<String> headers, String body) {}

    private static Answer exchange(URI base, String requestLine, List<String> headers, String body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            List<String> answerHeaders = new ArrayList<>();
            int length = -1;
            for (String h; !(h = line(in)).isEmpty(); ) {
                answerHeaders.add(h);
                if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(h.indexOf(':') + 1).trim());
                }
            }
            assertThat(length).as("the emulator answers with a Content-Length").isPositive();
            String answerBody = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            // Connection: close, so the exchange is over once the emulator closes and the wire has relayed it.
            assertThat(in.read()).isEqualTo(-1);
            return new Answer(status, answerHeaders, answerBody);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("the answer ended in the middle of a line");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.US_ASCII);
        assertThat(s).as("HTTP lines end with CRLF").endsWith("\r");
        return s.substring(0, s.length() - 1);
    }
}
