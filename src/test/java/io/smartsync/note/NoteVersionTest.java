package io.smartsync.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A note's version, as the API shows it and If-Match sends it back, moves with what a person can edit only. */
class NoteVersionTest {
    private static final Note NOTE = new Note(
            "n-1",
            MemberId.of("CL000001"),
            7L,
            "Visited; meds checked",
            "u1",
            "User One",
            Instant.parse("2026-12-01T10:00:00Z"),
            null,
            "Open",
            null,
            null,
            null,
            Instant.parse("2026-12-01T10:00:00Z"),
            "2026-12-01T10:00:00",
            SyncState.SYNCED,
            false);

    @Test
    void every_editable_field_moves_the_version() {
        NoteDraft draft = NoteDraft.of(NOTE);
        assertThat(NOTE.version()).matches("[0-9a-f]{16}");
        for (NoteDraft edit : new NoteDraft[] {
            new NoteDraft("Visited; meds checked.", null, "Open", null, null, null),
            new NoteDraft(draft.comments(), LocalDateTime.parse("2026-12-05T09:00:00"), "Open", null, null, null),
            new NoteDraft(draft.comments(), null, "Closed", null, null, null),
            new NoteDraft(draft.comments(), null, "Open", "Care team", null, null),
            new NoteDraft(draft.comments(), null, "Open", null, "Kim", null),
            new NoteDraft(draft.comments(), null, "Open", null, null, "Ann Senior")
        }) {
            assertThat(NOTE.edited(edit).version()).as(edit.toString()).isNotEqualTo(NOTE.version());
        }
    }

    @Test
    void sync_state_stamps_and_a_value_moved_between_fields_are_told_apart_only_where_a_person_sees_them() {
        assertThat(NOTE.edited(NoteDraft.of(NOTE)).version()).isEqualTo(NOTE.version());
        assertThat(NOTE.asDeleted(SyncState.PENDING).version()).isEqualTo(NOTE.version());
        Note a = NOTE.edited(new NoteDraft("x", null, "ab", "c", null, null));
        Note b = NOTE.edited(new NoteDraft("x", null, "a", "bc", null, null));
        assertThat(a.version()).isNotEqualTo(b.version());
    }
}
