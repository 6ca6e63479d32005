package io.smartsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A member read's transaction commits without waiting for the disk (the read's audit line and marker, a
 * product decision); every other transaction waits. Asked of the connection each one runs on.
 */
class RelaxedCommitTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void only_the_relaxed_transaction_commits_without_waiting_for_the_disk(StoreKind kind) throws Exception {
        try (TestDatabase place = TestDatabase.create(kind, dir);
                Store store = place.open(Clock.systemUTC())) {
            Database db = store.database();

            String relaxed = db.relaxedTx(h -> mode(kind, h));
            String durable = db.tx(h -> mode(kind, h));

            assertThat(relaxed).isEqualTo(kind == StoreKind.SQLITE ? "1" : "off");
            assertThat(durable).isEqualTo(kind == StoreKind.SQLITE ? "2" : "on");
        }
    }

    /** SQLite's {@code synchronous} (1 NORMAL: no fsync at commit in WAL mode, 2 FULL), PostgreSQL's setting. */
    private static String mode(StoreKind kind, Handle h) {
        String sql = kind == StoreKind.SQLITE ? "PRAGMA synchronous" : "SHOW synchronous_commit";
        return h.createQuery(sql).mapTo(String.class).one();
    }
}
