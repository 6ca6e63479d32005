package io.smartsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.caspio.Where;
import io.smartsync.note.MemberId;
import io.smartsync.note.Position;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The original app's way, as a small HTTP endpoint in the benchmark's JVM: each visit pages through every
 * row of the member in Caspio and answers them all; a note is written straight to Caspio. It uses the
 * same {@link CaspioClient} against the same emulator as the service, and keeps nothing locally.
 * Thread-safe.
 */
final class TraditionalApp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final CaspioClient caspio;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private TraditionalApp(HttpClient http, CaspioClient caspio, HttpServer server) {
        this.http = http;
        this.caspio = caspio;
        this.server = server;
    }

    static TraditionalApp start(URI caspioBase) {
        // The JDK's server writes an answer's headers and body apart; with Nagle on, the body waits for the
        // client's delayed ACK of the headers (40 ms on Linux). A real app's server sends without that wait.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        CaspioClient caspio = new CaspioClient(
                new CaspioConfig(caspioBase, "v2", "demo", "demo-secret", Duration.ofSeconds(30)),
                CaspioPolicy.defaults(),
                http,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraditionalApp app = new TraditionalApp(http, caspio, server);
            server.setExecutor(app.threads);
            server.createContext("/api/client-notes", app::answer);
            server.start();
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the traditional endpoint: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Rows in the notes table: one {@code COUNT(*)} call. */
    long count() {
        return caspio.count(InProcessCaspio.TABLE, null);
    }

    /** Every row of the member, page by page (1000 a page, Caspio's most). */
    List<Map<String, Object>> fetchAll(String member) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Iterator<List<Map<String, Object>>> pages = caspio.pages(
                InProcessCaspio.TABLE,
                Where.eq("Client_ID2", MemberId.of(member).value()),
                "Last_Modified",
                "PK_ID",
                Position.START,
                CaspioClient.MAX_PAGE);
        while (pages.hasNext()) {
            rows.addAll(pages.next());
        }
        return rows;
    }

    /** A note written straight to Caspio, as the original app did: one round trip, no queue. */
    void insert(String member, String comments) {
        caspio.insert(
                InProcessCaspio.TABLE,
                Map.of("Client_ID2", member, "Comments", comments, "User_ID", "bench", "User_Full_Name", "Bench"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            String member = query == null ? "" : query.replaceFirst("^.*clientId2=([^&]*).*$", "$1");
            int status;
            byte[] body;
            try {
                List<Map<String, Object>> rows = fetchAll(member);
                status = 200;
                body = JSON.writeValueAsBytes(
                        Map.of("success", true, "data", Map.of("notes", rows, "sync", Map.of("type", "traditional"))));
            } catch (RuntimeException e) {
                status = 502;
                body = JSON.writeValueAsBytes(
                        Map.of("success", false, "error", e.getClass().getSimpleName()));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
        http.close();
    }
}
