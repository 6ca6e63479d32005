package io.smartsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches record writes (create, update, delete) from the moment a call arrives, injected latency
 * included, until it is answered or cut: how many are in flight at once, the most ever, and for each
 * write when it began and ended on one sequence, so a test can tell whether two writes of a row
 * overlapped and in which order they came. Thread-safe.
 */
final class WriteWatch {
    private static final String ATTRIBUTE = "emulator.write";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<EmulatorWrites.Write> done = new ArrayList<>();

    private record Started(EmulatorStats.Kind kind, long at, String syncId, String where) {}

    void started(Context ctx, EmulatorStats.Kind kind) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String syncId = kind == EmulatorStats.Kind.CREATE ? syncId(ctx.body()) : null;
        ctx.attribute(ATTRIBUTE, new Started(kind, sequence.incrementAndGet(), syncId, ctx.queryParam("q.where")));
    }

    /** Once per started write, whether it was answered, refused or cut. */
    void ended(Context ctx) {
        Started s = ctx.attribute(ATTRIBUTE);
        if (s == null) {
            return;
        }
        ctx.attribute(ATTRIBUTE, null);
        inFlight.decrementAndGet();
        EmulatorWrites.Write write = new EmulatorWrites.Write(
                s.kind(), s.syncId(), s.where(), s.at(), sequence.incrementAndGet(), ctx.statusCode());
        synchronized (done) {
            done.add(write);
        }
    }

    EmulatorWrites snapshot() {
        synchronized (done) {
            return new EmulatorWrites(inFlight.get(), maxInFlight.get(), List.copyOf(done));
        }
    }

    void reset() {
        synchronized (done) {
            done.clear();
            maxInFlight.set(inFlight.get());
        }
    }

    private static String syncId(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("Sync_ID");
            return id == null || id.isNull() ? null : id.asText();
        } catch (Exception e) {
            return null; // the route refuses a body it cannot read
        }
    }
}
