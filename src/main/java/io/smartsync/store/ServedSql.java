package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The statements behind {@link ServedCache}; each runs inside the caller's transaction. */
final class ServedSql {
    private ServedSql() {}

    /**
     * @param version the member's version now (0 when none of its notes was ever stored)
     * @param lastServed when the member was last served, epoch milliseconds, or null for never
     */
    record Head(long version, Long lastServed) {}

    /** The member's version and last-served marker, in one statement (two primary-key reads). */
    static Head head(Handle h, MemberId member) {
        // Positional: every member read runs it.
        return Sql.query(
                        h,
                        "SELECT (SELECT version FROM member_versions WHERE client_id2 = ?) AS version,"
                                + " (SELECT last_served_at FROM member_sync_status WHERE client_id2 = ?) AS last_served",
                        List.of(member.value(), member.value()),
                        rs -> new Head(rs.getLong("version"), Sql.nullableLong(rs, "last_served")))
                .getFirst();
    }

    /** The member's live notes as {@link NoteSql#forMember} reads them, with when each was first stored and changed. */
    static ServedCache.Member member(Handle h, MemberId member, long version) {
        List<Note> notes = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        h.createQuery("SELECT " + NoteSql.COLUMNS + ", first_seen_at FROM notes WHERE client_id2 = :m"
                        + " AND deleted = FALSE ORDER BY time_stamp DESC, note_id")
                .bind("m", member.value())
                .map((rs, ctx) -> {
                    notes.add(NoteSql.read(rs));
                    Long firstSeen = Sql.nullableLong(rs, "first_seen_at");
                    return times.add(new long[] {
                        firstSeen == null ? ServedCache.Member.NEVER : firstSeen, rs.getLong("changed_at")
                    });
                })
                .list();
        long[] firstSeenAt = new long[notes.size()];
        long[] changedAt = new long[notes.size()];
        for (int i = 0; i < notes.size(); i++) {
            firstSeenAt[i] = times.get(i)[0];
            changedAt[i] = times.get(i)[1];
        }
        return new ServedCache.Member(
                version, List.copyOf(notes), firstSeenAt, changedAt, TransferSql.fullAnswerBytes(h, member));
    }
}
