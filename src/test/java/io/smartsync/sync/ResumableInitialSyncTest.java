package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.Store;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An initial sync cut off half-way resumes from the last stored page instead of starting over. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ResumableInitialSyncTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final MemberId MEMBER = MemberId.of("CL900000");

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    @Test
    void a_cut_initial_sync_resumes_after_the_last_stored_page() {
        try (CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(0));
                HttpClient http = HttpClient.newHttpClient();
                TestDatabase db = TestDatabase.create(kind, dir);
                Store store = db.open(Clock.systemUTC())) {
            for (int i = 0; i < 30; i++) {
                emulator.insert(TABLE, Map.of("Client_ID2", MEMBER.value(), "Comments", "note " + i));
            }
            Clock clock = Clock.systemUTC();
            CaspioClient caspio = SyncParts.demoClient(emulator, http, clock);
            SyncConfig config = SyncConfig.builder().pageSize(5).build();
            SyncEvents events = new SyncEvents(clock);
            MemberPuller puller = new MemberPuller(
                    store.merges(), SyncParts.notesTable(caspio), config, events, new LagWatch(5), clock);
            AtomicBoolean cutOnce = new AtomicBoolean();
            events.listen(e -> {
                if (e.type() == SyncEvent.Type.SYNC_PROGRESS
                        && e.counts().get("pagesDone").equals(2)
                        && cutOnce.compareAndSet(false, true)) {
                    emulator.failNext(1, 500); // the network breaks after two pages are stored
                }
            });

            assertThatThrownBy(() -> puller.initial(MemberSyncStatus.fresh(MEMBER)))
                    .isInstanceOf(CaspioException.class);

            MemberSyncStatus cut = store.progress().status(MEMBER).orElseThrow();
            assertThat(cut.initialSyncCompleted()).isFalse();
            assertThat(cut.totalNotesCount()).isEqualTo(10);
            long rowsBefore = emulator.stats().rowsReturned();

            puller.initial(cut);

            MemberSyncStatus done = store.progress().status(MEMBER).orElseThrow();
            assertThat(done.initialSyncCompleted()).isTrue();
            assertThat(done.totalNotesCount()).isEqualTo(30);
            assertThat(emulator.stats().rowsReturned() - rowsBefore)
                    .as("rows read after the cut: only the 20 not stored yet")
                    .isEqualTo(20);
        }
    }
}
