package io.smartsync.store;

import static io.smartsync.store.StoreNotes.NOW;
import static io.smartsync.store.StoreNotes.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.emulator.MutableClock;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A write refused by a full offline queue says how full it is and how long its oldest write has waited. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class QueueFullTest {
    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store store;

    @AfterEach
    void close() {
        TestDatabase.closeAll(store, db);
    }

    @Test
    void a_refused_write_states_the_queue_its_limit_and_the_age_of_the_oldest_write() {
        MutableClock clock = new MutableClock(NOW);
        db = TestDatabase.create(kind, dir);
        store = db.open(clock);
        store.notes().writeLocal(local("n1", "one"), OutboxAction.CREATE, 2);
        clock.advance(Duration.ofMinutes(5));
        store.notes().writeLocal(local("n2", "two"), OutboxAction.CREATE, 2);
        clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> store.notes().writeLocal(local("n3", "three"), OutboxAction.CREATE, 2))
                .isInstanceOf(QueueFullException.class)
                .hasMessageStartingWith("the offline queue is full (queued=2, limit=2, pending=2, parked=0,"
                        + " oldestPendingAge=320s): 2 writes wait for Caspio;");

        assertThat(store.outbox().pending()).extracting(OutboxEntry::noteId).containsExactly("n1", "n2");
    }
}
