package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LagWatchTest {
    private static Note row(String id, String stamp) {
        return Note.written(id, MemberId.of("CL000001"), NoteContent.of("x"), new Author("u1", "User One"), null)
                .withCaspio(new CaspioRow(1L, null, stamp))
                .withSyncState(SyncState.SYNCED);
    }

    @Test
    void a_row_first_seen_below_the_cursor_counts_as_a_late_commit_and_rereads_do_not() {
        LagWatch lag = new LagWatch(5);
        List<Note> page = List.of(row("late", "2026-01-17T10:30:07"), row("reread", "2026-01-17T10:30:02"));

        lag.observe("2026-01-17T10:30:10", page, Set.of("late"));

        assertThat(lag.maxSeen()).isEqualTo(Duration.ofSeconds(3));
    }
}
