package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.NotesTable;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.note.Author;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import io.smartsync.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates on a Caspio table whose {@code Sync_ID} is not unique: only the service's own look-up stands
 * between a create whose answer was lost and a second row of the same note.
 */
class NotePushTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private CaspioEmulator emulator;
    private HttpClient http;
    private Store store;
    private NotePush push;
    private NotesTable table;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(1)
                .withNotesPerMember(0)
                .withSyncIdUnique(false));
        http = HttpClient.newHttpClient();
        store = Store.openSqlite(dir.resolve("store.db"), clock);
        CaspioClient caspio = SyncParts.demoClient(emulator, http, clock);
        table = SyncParts.notesTable(caspio);
        push = newPush();
    }

    /** A pusher as a service (re)started on this store makes it: it knows only what the store holds. */
    private NotePush newPush() {
        return new NotePush(
                store.outbox(),
                store.conflicts(),
                table,
                ConflictPolicy.LAST_WRITE_WINS,
                new SyncEvents(clock),
                clock,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        store.close();
        emulator.close();
        http.close();
    }

    @Test
    void a_create_whose_answer_was_lost_is_looked_up_again_not_sent_again() {
        Note note = local("n1");
        store.notes().writeLocal(note, OutboxAction.CREATE, 100);
        emulator.dropNextAfterCommit(1);

        assertThatThrownBy(() -> push.push(claim(), note)).isInstanceOf(CaspioException.class);
        push.push(claim(), note);

        assertThat(rowsOf("n1")).isEqualTo(1);
        assertThat(store.outbox().pending()).isEmpty();
    }

    @Test
    void a_lost_create_that_is_still_committing_is_not_created_a_second_time() {
        // Given a create whose answer is lost and whose row stays invisible for a while (a late commit)
        Note note = local("n1");
        store.notes().writeLocal(note, OutboxAction.CREATE, 100);
        emulator.faults(FaultConfig.parse("lateCommit=1,lateCommitLag=5s"));
        emulator.dropNextAfterCommit(1);
        assertThatThrownBy(() -> push.push(claim(), note))
                .isInstanceOfSatisfying(
                        CaspioException.class, e -> assertThat(e.kind()).isEqualTo(CaspioException.Kind.AMBIGUOUS));

        // When it is tried again before a commit that late could have shown
        OutboxEntry again = claim();

        // Then it waits instead of creating the note a second time
        assertThatThrownBy(() -> push.push(again, note)).isInstanceOf(NotYetException.class);
        assertThat(rowsOf("n1")).isEqualTo(1);
    }

    @Test
    void a_lost_create_that_is_still_committing_is_not_created_again_after_a_restart() {
        // Given a create whose answer is lost and whose row stays invisible for a while (a late commit)
        Note note = local("n1");
        store.notes().writeLocal(note, OutboxAction.CREATE, 100);
        emulator.faults(FaultConfig.parse("lateCommit=1,lateCommitLag=5s"));
        emulator.dropNextAfterCommit(1);
        assertThatThrownBy(() -> push.push(claim(), note)).isInstanceOf(CaspioException.class);

        // When the service restarts (a new pusher on the same store) and tries again before a commit that
        // late could have shown
        NotePush restarted = newPush();
        OutboxEntry again = claim();

        // Then it waits as well: no second insert reaches Caspio (this table's Sync_ID is not unique)
        assertThatThrownBy(() -> restarted.push(again, note)).isInstanceOf(NotYetException.class);
        assertThat(rowsOf("n1")).isEqualTo(1);
    }

    @Test
    void a_lost_create_whose_row_a_read_saw_and_caspio_deleted_since_is_not_made_again() {
        // Given a create whose answer is lost, and a member pull that then finds the note's row in Caspio
        Note note = local("n1");
        store.notes().writeLocal(note, OutboxAction.CREATE, 100);
        emulator.dropNextAfterCommit(1);
        assertThatThrownBy(() -> push.push(claim(), note)).isInstanceOf(CaspioException.class);
        Instant readAt = clock.instant();
        Note row = table.created(note).orElseThrow();
        store.merges()
                .applyPulled(List.of(row), new MemberSyncStatus(note.member(), true, readAt, null, 0, 1, null), readAt);

        // When a Caspio user deletes that row before the create is tried again
        emulator.delete(TABLE, row.pkId());
        push.push(claim(), store.notes().note("n1").orElseThrow());

        // Then the note is not created a second time: the delete made in Caspio stands, here too
        assertThat(rowsOf("n1")).isZero();
        assertThat(store.notes().note("n1"))
                .hasValueSatisfying(n -> assertThat(n.deleted()).isTrue());
        assertThat(store.outbox().pending()).isEmpty();
    }

    /** Claims the only entry, as a push cycle would after the previous attempt released it. */
    private OutboxEntry claim() {
        store.outbox().pending().forEach(e -> store.outbox().recordFailure(e, "released by the test", false));
        return store.outbox()
                .claim("test", 1, clock.instant(), Duration.ofMinutes(1))
                .getFirst();
    }

    private long rowsOf(String noteId) {
        return emulator.rows(TABLE).stream()
                .filter(r -> noteId.equals(r.get("Sync_ID")))
                .count();
    }

    private static Note local(String id) {
        return Note.written(
                id, MemberId.of("CL000001"), NoteContent.of("text"), new Author("u1", "User One"), Instant.now());
    }
}
