package io.smartsync.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A note's version, as the API shows it and If-Match sends it back, moves with what a person can edit only. */
class NoteVersionTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Note NOTE = Note.written(
                    "n-1",
                    MemberId.of("CL000001"),
                    new NoteContent("Visited; meds checked", null, "Open", null, null, null),
                    new Author("u1", "User One"),
                    AT)
            .withCaspio(new CaspioRow(7L, AT, "2026-12-01T10:00:00"))
            .withSyncState(SyncState.SYNCED);

    @Test
    void every_editable_field_moves_the_version() {
        String text = NOTE.comments();
        assertThat(NOTE.version()).matches("[0-9a-f]{16}");
        for (NoteDraft edit : new NoteDraft[] {
            new NoteDraft(new NoteContent("Visited; meds checked.", null, "Open", null, null, null)),
            new NoteDraft(new NoteContent(text, LocalDateTime.parse("2026-12-05T09:00:00"), "Open", null, null, null)),
            new NoteDraft(new NoteContent(text, null, "Closed", null, null, null)),
            new NoteDraft(new NoteContent(text, null, "Open", "Care team", null, null)),
            new NoteDraft(new NoteContent(text, null, "Open", null, "Kim", null)),
            new NoteDraft(new NoteContent(text, null, "Open", null, null, "Ann Senior"))
        }) {
            assertThat(NOTE.edited(edit).version()).as(edit.toString()).isNotEqualTo(NOTE.version());
        }
    }

    @Test
    void sync_state_stamps_and_a_value_moved_between_fields_are_told_apart_only_where_a_person_sees_them() {
        assertThat(NOTE.edited(NoteDraft.of(NOTE)).version()).isEqualTo(NOTE.version());
        assertThat(NOTE.asDeleted(SyncState.PENDING).version()).isEqualTo(NOTE.version());
        Note a = NOTE.edited(new NoteDraft(new NoteContent("x", null, "ab", "c", null, null)));
        Note b = NOTE.edited(new NoteDraft(new NoteContent("x", null, "a", "bc", null, null)));
        assertThat(a.version()).isNotEqualTo(b.version());
    }

    @Test
    void versions_and_hashes_stay_what_browsers_and_databases_already_hold() {
        // Browsers send versions back in If-Match and databases keep hashes as a conflict base: the
        // values a release wrote must come out again for the same fields.
        NoteContent everything = new NoteContent(
                "Zoë: called 🟢, booked\nnext visit",
                LocalDateTime.parse("2026-12-05T09:30:00"),
                "🟡 Priority",
                "Care team",
                "Kim",
                "Ann Senior");
        NoteContent empty = new NoteContent(null, null, null, null, null, null);

        assertThat(NOTE.version()).isEqualTo("074d19f25edc7312");
        assertThat(NOTE.contentHash()).isEqualTo("b2da6fe8b733a3836a5d7b6410a2d9f9ac0e4fd7d051ef3b659b2d20978ada9e");
        assertThat(everything.version()).isEqualTo("f9fa37a203ab7f15");
        assertThat(everything.hash()).isEqualTo("e66b9ed7386c900f45a619c31d3e40abbf372962b9558d2fd5f487a9f7726853");
        assertThat(empty.version()).isEqualTo("8a3c894c4938598a");
        assertThat(empty.hash()).isEqualTo("22660c58166abdcbcf4fc942acfc74ed25176469117ee2dd697b0a9d97cf38a3");
    }
}
