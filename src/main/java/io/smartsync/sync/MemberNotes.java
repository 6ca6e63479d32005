package io.smartsync.sync;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.util.List;

/** A member's notes as one answer shows them, with how the answer was produced. */
public record MemberNotes(MemberId member, List<Note> notes, SyncOutcome sync) {
    public MemberNotes {
        notes = List.copyOf(notes);
    }
}
