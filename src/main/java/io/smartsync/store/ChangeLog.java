package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The note changes of one transaction, kept on its handle: the statements that write notes record here,
 * and the store hands the whole set to its {@link ChangeFeed} once the transaction commits (and drops it
 * when it rolls back or is run again). A transaction without a log (a preload page) records nothing.
 * Confined to the transaction's thread.
 */
final class ChangeLog {
    private static final String KEY = ChangeLog.class.getName();

    /** Kinds in rising weight: a note recorded twice in one transaction keeps the heavier kind. */
    enum Kind {
        STATE,
        UPDATED,
        CREATED,
        DELETED;

        static Kind of(io.smartsync.note.OutboxAction action) {
            return switch (action) {
                case CREATE -> CREATED;
                case UPDATE -> UPDATED;
                case DELETE -> DELETED;
            };
        }
    }

    private record Entry(MemberId member, String by, Kind kind) {}

    private final Map<String, Entry> byNote = new LinkedHashMap<>();

    /** Starts recording the changes of the transaction that runs on {@code h}. */
    static ChangeLog open(Handle h) {
        ChangeLog log = new ChangeLog();
        h.define(KEY, log);
        return log;
    }

    /** Records that the transaction on {@code h} changed the note, if that transaction keeps a log. */
    static void record(Handle h, Kind kind, Note note, String by) {
        if (h.getConfig(SqlStatements.class).getAttribute(KEY) instanceof ChangeLog log) {
            log.add(kind, note.member(), note.noteId(), by);
        }
    }

    private void add(Kind kind, MemberId member, String noteId, String by) {
        Entry entry = new Entry(member, by == null || by.isBlank() ? StoredChange.SOMEONE : by, kind);
        byNote.merge(noteId, entry, (was, now) -> was.kind().compareTo(kind) >= 0 ? was : now);
    }

    /** The recorded changes, one per member and author, in the order first recorded. */
    List<StoredChange> changes() {
        Map<List<Object>, List<List<String>>> groups = new LinkedHashMap<>();
        byNote.forEach((noteId, e) -> groups.computeIfAbsent(
                        List.of(e.member(), e.by()),
                        k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
                .get(e.kind().ordinal())
                .add(noteId));
        List<StoredChange> out = new ArrayList<>();
        groups.forEach((k, ids) -> out.add(new StoredChange(
                (MemberId) k.get(0),
                (String) k.get(1),
                ids.get(Kind.CREATED.ordinal()),
                ids.get(Kind.UPDATED.ordinal()),
                ids.get(Kind.DELETED.ordinal()),
                ids.get(Kind.STATE.ordinal()),
                false)));
        return out;
    }
}
