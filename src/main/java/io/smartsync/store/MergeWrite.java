package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies what a read of Caspio found to the store through {@link Merge}, a batch at a time inside the
 * caller's transaction, with a fixed number of statements: one query for what is stored, one for the
 * queued writes, one batch of keys found for queued creates, one batch of writes. A row without a sync id keeps the id of the note stored for its
 * {@code PK_ID}, and a row that gained a sync id replaces the copy stored under its old id.
 */
final class MergeWrite {
    private MergeWrite() {}

    /** Rows a read that began at {@code readAt} found. */
    static PullResult rows(Handle h, List<Note> rows, Instant readAt, Instant now) {
        if (rows.isEmpty()) {
            return PullResult.NONE;
        }
        List<String> ids = new ArrayList<>(rows.size());
        List<Long> pks = new ArrayList<>(rows.size());
        for (Note row : rows) {
            ids.add(row.noteId());
            if (row.pkId() != null) {
                pks.add(row.pkId());
            }
        }
        Map<String, Merge.Stored> byId = new HashMap<>();
        Map<Long, Merge.Stored> byPk = new HashMap<>();
        for (Merge.Stored stored : NoteSql.storedWithIdsOrRows(h, ids, pks)) {
            byId.put(stored.note().noteId(), stored);
            if (stored.note().pkId() != null) {
                byPk.put(stored.note().pkId(), stored);
            }
        }
        // A row edited while a pass ran comes twice; rows come in cursor order, so the later is newer.
        Map<String, Note> local = new LinkedHashMap<>();
        for (Note row : rows) {
            Note mine = withLocalId(row, byPk);
            local.remove(mine.noteId());
            local.put(mine.noteId(), mine);
        }
        Set<String> queued = OutboxSql.queuedAmong(h, local.keySet());
        List<Note> writes = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        Map<String, Long> identified = new HashMap<>();
        int updated = 0;
        for (Note row : local.values()) {
            Merge.Outcome outcome = Merge.row(byId.get(row.noteId()), queued.contains(row.noteId()), row, readAt);
            if (outcome instanceof Merge.Identify identify) {
                identified.put(row.noteId(), identify.pkId());
            }
            if (!(outcome instanceof Merge.Put put)) {
                continue;
            }
            Merge.Stored sameRow = row.pkId() == null ? null : byPk.get(row.pkId());
            if (sameRow != null && !sameRow.note().noteId().equals(row.noteId())) {
                // The row gained a sync id since it was stored: drop the copy under its old id.
                NoteSql.delete(h, sameRow.note().noteId());
                ChangeLog.record(h, ChangeLog.Kind.DELETED, sameRow.note(), StoredChange.CASPIO);
            }
            writes.add(row);
            if (put.inserted()) {
                inserted.add(row.noteId());
            } else {
                updated++;
            }
            ChangeLog.record(
                    h, put.inserted() ? ChangeLog.Kind.CREATED : ChangeLog.Kind.UPDATED, row, StoredChange.CASPIO);
        }
        NoteSql.identifyAll(h, identified);
        NoteSql.upsertAll(h, writes, now, new Merge.Provenance(Merge.Origin.READ, now));
        return new PullResult(inserted, updated);
    }

    /**
     * A page of a key listing that began at {@code readAt}: the stored notes of {@code members} (null: of
     * every member) with a key in {@code (afterPk, upToPk]} whose key is not among {@code livePks}; answers
     * how many became tombstones.
     */
    static int absent(
            Handle h,
            Collection<MemberId> members,
            Set<Long> livePks,
            long afterPk,
            long upToPk,
            Instant readAt,
            Duration commitLag,
            Instant now) {
        List<Merge.Stored> candidates = new ArrayList<>();
        for (Merge.Stored s : NoteSql.storedWithCaspioRow(h, members, afterPk, upToPk)) {
            if (!livePks.contains(s.note().pkId())) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> queued = OutboxSql.queuedAmong(
                h, candidates.stream().map(s -> s.note().noteId()).toList());
        int gone = 0;
        for (Merge.Stored s : candidates) {
            if (Merge.absent(s, queued.contains(s.note().noteId()), readAt, commitLag, now)
                    instanceof Merge.Bury bury) {
                NoteSql.upsert(h, bury.tombstone(), now, bury.from());
                ChangeLog.record(h, ChangeLog.Kind.DELETED, bury.tombstone(), StoredChange.CASPIO);
                gone++;
            }
        }
        return gone;
    }

    /** The newest row of each member in the page (rows come in cursor order, so the last one). */
    static List<Note> newestOfEachMember(List<Note> rows) {
        Map<MemberId, Note> newest = new LinkedHashMap<>();
        rows.forEach(r -> newest.put(r.member(), r));
        return List.copyOf(newest.values());
    }

    private static Note withLocalId(Note row, Map<Long, Merge.Stored> byPk) {
        if (row.pkId() == null || !row.noteId().equals(Note.idForCaspioRow(row.pkId()))) {
            return row;
        }
        Merge.Stored local = byPk.get(row.pkId());
        return local == null || local.note().noteId().equals(row.noteId())
                ? row
                : row.withNoteId(local.note().noteId());
    }
}
