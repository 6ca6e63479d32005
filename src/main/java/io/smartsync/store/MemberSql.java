package io.smartsync.store;

import io.smartsync.note.MemberId;
import org.jdbi.v3.core.Handle;

/** Clearing a member's local data: its notes and sync status go, its queued writes stay. */
final class MemberSql {
    private MemberSql() {}

    /**
     * Answers how many of the member's notes were removed, as staff count them: live notes, not the
     * tombstones of deleted ones (which go too). Notes with a queued write are kept for the push.
     */
    static int clear(Handle h, MemberId member) {
        int notes = h.createQuery("SELECT COUNT(*) FROM notes WHERE client_id2 = :m AND deleted = :no"
                        + " AND note_id NOT IN (SELECT note_id FROM outbox)")
                .bind("m", member.value())
                .bind("no", false)
                .mapTo(Integer.class)
                .one();
        h.createUpdate("DELETE FROM notes WHERE client_id2 = :m AND note_id NOT IN (SELECT note_id FROM outbox)")
                .bind("m", member.value())
                .execute();
        TransferSql.keepReloadOfCleared(h, member);
        h.createUpdate("DELETE FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .execute();
        return notes;
    }
}
