package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.emulator.EmulatorStats;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete detection on its own: a note deleted in Caspio goes from the store, a note written here that Caspio
 * has not seen stays, and the scheduled member check lists keys only where Caspio's count says a row went.
 */
class ReconcilerTest {
    private static final MemberId A = SyncParts.member(1);
    private static final MemberId B = SyncParts.member(2);
    private static final MemberId C = SyncParts.member(3);
    private static final int NOTES = 3;

    @TempDir
    Path dir;

    private SyncParts parts;
    private Reconciler reconciler;

    @BeforeEach
    void start() {
        parts = new SyncParts(dir, 3, NOTES, SyncConfig.builder().pageSize(50).build());
        // Given three members synced here a minute ago
        SyncEngine engine = parts.engine(parts.poller());
        for (MemberId m : new MemberId[] {A, B, C}) {
            assertThat(engine.select(m)).isEqualTo(SyncType.INITIAL);
            assertThat(parts.storedIds(m)).hasSize(NOTES);
        }
        parts.clock.advance(Duration.ofMinutes(1));
        parts.caspioClock.advance(Duration.ofMinutes(1));
        reconciler = parts.reconciler();
    }

    @AfterEach
    void stop() {
        parts.close();
    }

    @Test
    void a_note_deleted_in_caspio_goes_and_a_note_written_here_that_caspio_has_not_seen_stays() {
        Note mine = parts.writeHere(A, "written here, not pushed yet");
        long deleted = SyncParts.pk(parts.caspioRows(A).getFirst());
        parts.emulator.delete(SyncParts.TABLE, deleted);
        parts.clock.advance(Duration.ofMinutes(1)); // both stored long before the listing

        int gone = reconciler.reconcile(A);

        assertThat(gone).isEqualTo(1);
        assertThat(parts.storedIds(A))
                .hasSize(NOTES)
                .doesNotContain(Note.idForCaspioRow(deleted))
                .contains(mine.noteId());
        assertThat(parts.store.notes().note(mine.noteId()).orElseThrow().syncState())
                .isEqualTo(SyncState.PENDING);
    }

    @Test
    void the_member_check_lists_the_keys_of_only_the_member_caspio_counts_a_row_fewer_for() {
        long deleted = SyncParts.pk(parts.caspioRows(B).get(1));
        parts.emulator.delete(SyncParts.TABLE, deleted);
        parts.emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored();

        assertThat(gone).isEqualTo(Map.of(B, 1));
        assertThat(parts.emulator.stats().requests(EmulatorStats.Kind.READ))
                .as("one read of the counts by member, one listing of B's keys")
                .isEqualTo(2);
        assertThat(parts.storedIds(B)).hasSize(NOTES - 1).doesNotContain(Note.idForCaspioRow(deleted));
        assertThat(parts.storedIds(A)).hasSize(NOTES);
        assertThat(parts.storedIds(C)).hasSize(NOTES);
    }

    @Test
    void a_row_made_in_caspio_since_the_last_sync_does_not_make_the_member_check_list_keys() {
        parts.emulator.insert(SyncParts.TABLE, Map.of("Client_ID2", A.value(), "Comments", "new in Caspio"));
        parts.emulator.resetStats();

        Map<MemberId, Integer> gone = reconciler.checkStored();

        assertThat(gone).isEmpty();
        assertThat(parts.emulator.stats().requests(EmulatorStats.Kind.READ))
                .as("only the counts by member, up to the highest key stored here")
                .isEqualTo(1);
        assertThat(parts.storedIds(A)).hasSize(NOTES);
    }
}
