package io.smartsync.bench;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.store.PullResult;
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
 * Storing one full Caspio page (1,000 rows) with its cursor in one transaction, the unit of every pull.
 * Two versions of the same rows alternate, so each call rewrites all 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ApplyPageBenchmark {
    private StoreFixture fixture;
    private List<Note> a;
    private List<Note> b;
    private MemberSyncStatus reached;
    private boolean flip;

    @Setup(Level.Trial)
    public void prepare() {
        fixture = new StoreFixture();
        MemberId member = StoreFixture.member(1);
        a = StoreFixture.page(member, 1, 1000, "a");
        b = StoreFixture.page(member, 1, 1000, "b");
        reached = StoreFixture.reached(member, a);
    }

    @TearDown(Level.Trial)
    public void drop() {
        fixture.close();
    }

    @Benchmark
    public PullResult applyThousandRowPage() {
        flip = !flip;
        return fixture.store.merges().applyPulled(flip ? a : b, reached, java.time.Instant.now());
    }
}
