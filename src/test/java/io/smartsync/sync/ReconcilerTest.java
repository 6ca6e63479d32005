package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.SyncState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete detection on its own: a note deleted in Caspio goes from the store, a note written here that Caspio
 * has not seen stays, and the table-wide check reads only the keys it can act on. (The scheduled member
 * check has its own test, {@code MemberCheckTest}.)
 */
class ReconcilerTest {
    private static final MemberId A = SyncParts.member(1);
    private static final MemberId B = SyncParts.member(2);
    private static final MemberId C = SyncParts.member(3);
    private static final int NOTES = 3;
    /** Members in Caspio; the first three are synced here. */
    private static final int MEMBERS = 8;

    @TempDir
    Path dir;

    private SyncParts parts;
    private Reconciler reconciler;

    @BeforeEach
    void start() {
        parts = new SyncParts(
                dir, MEMBERS, NOTES, SyncConfig.builder().pageSize(50).build());
        // Given three of the members synced here a minute ago
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
    void the_table_check_finds_a_delete_reading_only_the_keys_of_members_stored_here_while_they_are_few() {
        // Given the three members stored here hold 9 of Caspio's 24 rows, and a row of C and one of a member
        // not stored here are deleted in Caspio
        long deleted = SyncParts.pk(parts.caspioRows(C).get(1));
        parts.emulator.delete(SyncParts.TABLE, deleted);
        parts.emulator.delete(
                SyncParts.TABLE,
                SyncParts.pk(parts.caspioRows(SyncParts.member(MEMBERS)).getFirst()));
        parts.emulator.resetStats();

        int gone = reconciler.reconcile(null);

        assertThat(gone).isEqualTo(1);
        assertThat(parts.storedIds(C)).hasSize(NOTES - 1).doesNotContain(Note.idForCaspioRow(deleted));
        assertThat(parts.storedIds(A)).hasSize(NOTES);
        assertThat(parts.emulator.stats().rowsReturned())
                .as("keys read: the 8 rows left of A, B and C, not the table's 22")
                .isEqualTo(3 * NOTES - 1);
    }
}
