package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A page of rows pulled from Caspio stored with a fixed number of statements: one query for what is
 * stored already, one for the queued writes, one batch of upserts. The same rules as a member's pull:
 * a row older than the stored version is ignored, a note with a local write queued is left to the push,
 * a row without a sync id keeps the id of the note stored for its {@code PK_ID}.
 */
final class PageWrite {
    private PageWrite() {}

    static PullResult apply(Handle h, List<Note> rows, Instant now) {
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
        Map<String, Note> byId = new HashMap<>();
        Map<Long, Note> byPk = new HashMap<>();
        for (Note stored : NoteSql.withIdsOrRows(h, ids, pks)) {
            byId.put(stored.noteId(), stored);
            if (stored.pkId() != null) {
                byPk.put(stored.pkId(), stored);
            }
        }
        // A row edited while the pass ran comes twice; rows come in cursor order, so the later is newer.
        Map<String, Note> local = new LinkedHashMap<>();
        for (Note row : rows) {
            Note mine = withLocalId(row, byPk);
            local.remove(mine.noteId());
            local.put(mine.noteId(), mine);
        }
        Set<String> queued = OutboxSql.queuedAmong(h, local.keySet());
        List<Note> writes = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        int updated = 0;
        for (Note row : local.values()) {
            if (queued.contains(row.noteId())) {
                continue;
            }
            Note stored = byId.get(row.noteId());
            if (stored != null && !JdbcStore.supersedes(row, stored, false)) {
                continue;
            }
            Note sameRow = row.pkId() == null ? null : byPk.get(row.pkId());
            if (sameRow != null && !sameRow.noteId().equals(row.noteId())) {
                // The row gained a sync id since it was stored: drop the copy under its old id.
                NoteSql.delete(h, sameRow.noteId());
            }
            writes.add(row);
            if (stored == null || stored.deleted()) {
                inserted.add(row.noteId());
            } else {
                updated++;
            }
        }
        NoteSql.upsertAll(h, writes, now);
        return new PullResult(inserted, updated);
    }

    /** The newest row of each member in the page (rows come in cursor order, so the last one). */
    static List<Note> newestOfEachMember(List<Note> rows) {
        Map<MemberId, Note> newest = new LinkedHashMap<>();
        rows.forEach(r -> newest.put(r.member(), r));
        return List.copyOf(newest.values());
    }

    private static Note withLocalId(Note row, Map<Long, Note> byPk) {
        if (row.pkId() == null || !row.noteId().equals(Note.idForCaspioRow(row.pkId()))) {
            return row;
        }
        Note local = byPk.get(row.pkId());
        return local == null || local.noteId().equals(row.noteId()) ? row : row.withNoteId(local.noteId());
    }
}
