package io.smartsync.store;

import static io.smartsync.store.StoreNotes.MEMBER;
import static io.smartsync.store.StoreNotes.NOW;
import static io.smartsync.store.StoreNotes.local;
import static io.smartsync.store.StoreNotes.synced;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NoteDraft;
import io.smartsync.note.OutboxAction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A member's answer may come from memory while the member's version in the store is unchanged: whatever
 * changes the member elsewhere (another instance on the same database, plain SQL from another connection
 * or process) is in the next answer, never an older copy.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ServedFromMemoryTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store store;
    Store other;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind, dir);
        store = db.open(CLOCK);
        store.merges()
                .applyPulled(
                        List.of(
                                synced("n1", 1L, "first text", "2026-11-25T09:00:00"),
                                synced("n2", 2L, "second text", "2026-11-25T09:01:00")),
                        new MemberSyncStatus(MEMBER, true, NOW, "2026-11-25T09:01:00", 2, 0, null),
                        NOW);
    }

    @AfterEach
    void close() {
        TestDatabase.closeAll(other, store, db);
    }

    @Test
    void a_member_unchanged_is_answered_from_memory() {
        // Given a member served once
        Served first = store.notes().serve(MEMBER, null);

        // When it is served again with nothing changed
        Served second = store.notes().serve(MEMBER, null);

        // Then the same notes are handed out, at the same version, counted against the first answer
        assertThat(second.version()).isEqualTo(first.version()).isPositive();
        assertThat(second.notes()).isSameAs(first.notes());
        assertThat(first.newIds()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(second.newIds()).isEmpty();
        assertThat(second.updatedIds()).isEmpty();
    }

    @Test
    void notes_changed_with_sql_from_another_connection_are_answered_changed() throws SQLException {
        // Given a member answered from memory
        store.notes().serve(MEMBER, null);
        store.notes().serve(MEMBER, null);

        // When another connection (another process, a hand-made fix) edits one note, deletes one, adds one
        sql("UPDATE notes SET comments = 'edited by hand', changed_at = "
                + NOW.plusSeconds(1).toEpochMilli() + " WHERE note_id = 'n1'");
        sql("DELETE FROM notes WHERE note_id = 'n2'");
        sql("INSERT INTO notes (note_id, client_id2, comments, sync_state, deleted, changed_at, first_seen_at,"
                + " time_stamp) VALUES ('n3', '" + MEMBER.value() + "', 'added by hand', 'SYNCED', FALSE, "
                + NOW.plusSeconds(1).toEpochMilli() + ", " + NOW.plusSeconds(1).toEpochMilli() + ", "
                + NOW.toEpochMilli() + ")");

        // Then the next answer shows exactly that
        Served after = store.notes().serve(MEMBER, null);
        assertThat(after.notes()).extracting(Note::noteId).containsExactly("n3", "n1");
        assertThat(after.notes()).extracting(Note::comments).containsExactly("added by hand", "edited by hand");
        assertThat(after.newIds()).containsExactly("n3");
        assertThat(after.updatedIds()).containsExactly("n1");
    }

    @Test
    void notes_written_through_another_instance_are_answered_at_once() {
        // Given a member answered from memory here, and a second instance on the same database
        store.notes().serve(MEMBER, null);
        store.notes().serve(MEMBER, null);
        other = db.open(CLOCK);

        // When the other instance stores a new note and an edit
        other.notes().writeLocal(local("n9", "written elsewhere"), OutboxAction.CREATE, 100);
        Note edited = other.notes().note("n2").orElseThrow().edited(new NoteDraft(NoteContent.of("edited elsewhere")));
        other.notes().writeLocal(edited, OutboxAction.UPDATE, 100);

        // Then this instance's next answer has both
        Served after = store.notes().serve(MEMBER, null);
        assertThat(after.notes()).extracting(Note::noteId).contains("n9", "n2", "n1");
        assertThat(after.notes())
                .filteredOn(n -> n.noteId().equals("n2"))
                .extracting(Note::comments)
                .containsExactly("edited elsewhere");
    }

    @Test
    void a_row_size_recorded_elsewhere_counts_in_the_next_answer() {
        // Given a member served with its rows' sizes known
        store.reports().recordRowBytes(Map.of(1L, 500, 2L, 600));
        store.notes().serve(MEMBER, null);
        long before = store.reports().syncTotals(YearMonth.of(2026, 11)).fullReloadBytes();

        // When another instance reads a row again and finds it bigger
        other = db.open(CLOCK);
        other.reports().recordRowBytes(Map.of(2L, 900));
        store.notes().serve(MEMBER, null);

        // Then the answer counts what a full reload would fetch now: {"Result":[ 500 , 900 ]}
        long after = store.reports().syncTotals(YearMonth.of(2026, 11)).fullReloadBytes();
        assertThat(after - before).isEqualTo(13 + 500 + 900 + 1);
    }

    @Test
    void the_cache_holds_no_more_notes_than_its_bound() {
        // Given a store that keeps at most 5 notes in memory
        TestDatabase.closeAll(store);
        store = Store.open(db.location(), CLOCK, 5);
        JdbcNotes notes = (JdbcNotes) store.notes();
        for (String m : List.of("CL-A", "CL-B", "CL-C")) {
            MemberId member = MemberId.of(m);
            for (int i = 1; i <= 3; i++) {
                store.notes()
                        .writeLocal(
                                Note.written(m + "-" + i, member, NoteContent.of("text"), StoreNotes.AUTHOR, NOW),
                                OutboxAction.CREATE,
                                100);
            }
        }

        // When members of three notes each are served, and the first again
        for (String m : List.of("CL-A", "CL-B", "CL-C", "CL-A")) {
            store.notes().serve(MemberId.of(m), null);

            // Then the cache never holds more than 5 notes, yet holds the member last served
            assertThat(notes.cachedNotes()).isBetween(3, 5);
        }
        // And a member bigger than the bound alone is answered from the tables, not held
        store.notes().serve(MEMBER, null);
        assertThat(store.notes().serve(MEMBER, null).notes()).hasSize(2);
        assertThat(notes.cachedNotes()).isLessThanOrEqualTo(5);
    }

    private void sql(String statement) throws SQLException {
        String url = db.location().isPostgres()
                ? db.location().postgresUrl()
                : "jdbc:sqlite:" + db.location().sqliteFile().toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
