package io.smartsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An emulator in its own process ({@code smartsync emulator}), so its memory and CPU are not the
 * benchmark's: counted and steered through {@code /_emulator/stats} and {@code /_emulator/faults}. It
 * cannot play other people's edits, so it serves the initial-sync run only. Thread-safe.
 */
final class RemoteCaspio implements CaspioSide {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final WireCounter wire;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Its stats and faults are asked for directly; Caspio calls go through the counted wire. */
    RemoteCaspio(URI base) {
        this.base = base;
        this.wire = WireCounter.start(base);
    }

    @Override
    public URI baseUri() {
        return wire.uri();
    }

    @Override
    public Traffic traffic() {
        HttpRequest get =
                HttpRequest.newBuilder(base.resolve("/_emulator/stats")).build();
        try {
            WireCounter.Bytes bytes = wire.bytes();
            return Traffic.of(JSON.readTree(send(get)), bytes);
        } catch (IOException e) {
            throw new IllegalStateException("emulator at " + base + " answered stats that are not JSON", e);
        }
    }

    @Override
    public void faults(String spec) {
        String body = JSON.createObjectNode().put("spec", spec).toString();
        send(HttpRequest.newBuilder(base.resolve("/_emulator/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("emulator at " + base + " answered " + r.statusCode() + " to "
                        + request.uri().getPath());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("emulator at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the emulator", e);
        }
    }

    @Override
    public void insertNote(String member, String comments) {
        throw new UnsupportedOperationException("an emulator in its own process cannot play other people's edits");
    }

    @Override
    public void editNote(long pk, String comments) {
        throw new UnsupportedOperationException("an emulator in its own process cannot play other people's edits");
    }

    @Override
    public void close() {
        http.close();
        wire.close();
    }
}
