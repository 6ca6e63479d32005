package io.smartsync.bench;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.store.AuditRecord;
import io.smartsync.store.Served;
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
 * Reading one member's 30 notes from a store of 500 members: what a return visit costs locally when the
 * poll keeps the member fresh. {@code serve} also moves the member's last-served marker (a write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LocalReadBenchmark {
    private static final AuditRecord READ = new AuditRecord(0, null, "bench", "notes.read", null, null, "ok");

    private StoreFixture fixture;
    private MemberId member;

    @Setup(Level.Trial)
    public void fill() {
        fixture = new StoreFixture();
        for (int m = 1; m <= 500; m++) {
            List<Note> notes = StoreFixture.page(StoreFixture.member(m), (m - 1) * 30L + 1, 30, "v1");
            fixture.store
                    .merges()
                    .applyPulled(notes, StoreFixture.reached(StoreFixture.member(m), notes), Instant.now());
        }
        member = StoreFixture.member(250);
    }

    @TearDown(Level.Trial)
    public void drop() {
        fixture.close();
    }

    @Benchmark
    public List<Note> notesOfOneMember() {
        return fixture.store.notes().notes(member);
    }

    @Benchmark
    public Served serveOneMember() {
        return fixture.store.notes().serve(member, null);
    }

    /** A return visit's store work now: the read's audit line in the marker's transaction (no disk wait). */
    @Benchmark
    public Served serveWithItsAuditLine() {
        return fixture.store.notes().serve(member, null, READ);
    }

    /** As before issue 19: the marker, then the audit line in a transaction of its own that waits for the disk. */
    @Benchmark
    public Served serveThenAuditDurably() {
        Served served = fixture.store.notes().serve(member, null);
        fixture.store.access().appendAudit(new AuditRecord(0, Instant.now(), "bench", "notes.read", "m", null, "ok"));
        return served;
    }
}
