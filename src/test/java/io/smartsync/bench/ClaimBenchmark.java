package io.smartsync.bench;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claiming a batch of 50 outbox entries (the seed's batchSize) from an outbox of 1,000 waiting notes.
 * The clock moves one lease ahead per call, so the same oldest entries are claimed again each time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClaimBenchmark {
    private static final Duration LEASE = Duration.ofMinutes(2);

    private StoreFixture fixture;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void queue() {
        fixture = new StoreFixture();
        MemberId member = StoreFixture.member(1);
        for (int i = 0; i < 1000; i++) {
            Note note = Note.written(
                    "00000000-0000-0000-0000-" + String.format("%012d", i),
                    member,
                    new NoteContent(StoreFixture.COMMENTS, null, "Open", null, null, null),
                    StoreFixture.AUTHOR,
                    now);
            fixture.store.notes().writeLocal(note, OutboxAction.CREATE, 10_000);
        }
    }

    @TearDown(Level.Trial)
    public void drop() {
        fixture.close();
    }

    @Benchmark
    public List<OutboxEntry> claimFifty() {
        now = now.plus(LEASE).plusMillis(1);
        return fixture.store.outbox().claim("jmh", 50, now, LEASE);
    }
}
