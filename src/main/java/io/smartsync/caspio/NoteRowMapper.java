package io.smartsync.caspio;

import io.smartsync.note.CaspioRow;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns Caspio rows into notes and notes into the fields a write sends. Stateless and thread-safe. */
public final class NoteRowMapper {
    private final NoteFields f;
    private final TableShape shape;
    private final ZoneId stampZone;
    private final boolean memberNumeric;

    /** The mapper for a table of this shape: its cursor field, zone, sync-id field and member field type. */
    public NoteRowMapper(NoteFields names, TableShape shape) {
        this.f = shape.cursor() == null
                ? names
                : names.withUpdateStamp(shape.cursor().name());
        this.shape = shape;
        this.stampZone = shape.cursorZone();
        this.memberNumeric = shape.memberNumeric();
    }

    public TableShape shape() {
        return shape;
    }

    /** {@code q.where} for one member's rows, quoted as the member field's type asks. */
    Where memberClause(MemberId member) {
        return memberNumeric ? Where.eqNumber(f.member(), member.value()) : Where.eq(f.member(), member.value());
    }

    public NoteFields fields() {
        return f;
    }

    /**
     * {@code q.select} for a row's key, member and stamp only: what the global poll needs to place a
     * change and decide whether it concerns this service, at a tenth of a full row.
     */
    String keyFields() {
        return f.pk() + "," + f.member() + "," + f.updateStamp();
    }

    /** The member a row (full or {@link #keyFields() keys only}) belongs to. */
    MemberId memberOf(Map<String, Object> row) {
        return new MemberId(memberText(row.get(f.member())));
    }

    /** {@code q.where} for one row by its {@code PK_ID}. */
    Where keyClause(long pk) {
        return Where.eq(f.pk(), pk);
    }

    Note fromRow(Map<String, Object> row) {
        long pk = ((Number) row.get(f.pk())).longValue();
        String syncId = text(row, f.syncId());
        String stamp = text(row, f.updateStamp());
        NoteContent content = new NoteContent(
                text(row, f.comments()),
                localDateTime(text(row, f.followUpDate())),
                text(row, f.followUpStatus()),
                text(row, f.followUpAssignment()),
                text(row, f.assignedFirst()),
                text(row, f.seniorFullName()));
        return new Note(
                syncId == null ? Note.idForCaspioRow(pk) : syncId,
                new MemberId(memberText(row.get(f.member()))),
                content,
                text(row, f.userId()),
                text(row, f.userFullName()),
                instant(text(row, f.timeStamp())),
                new CaspioRow(pk, instant(stamp), stamp),
                SyncState.SYNCED,
                false);
    }

    /** The fields a create sends: everything but what Caspio sets itself (PK_ID and the stamps). */
    Map<String, Object> toCreateFields(Note n) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (shape.syncIdAvailable()) {
            row.put(f.syncId(), n.noteId());
        }
        row.put(f.noteId(), n.noteId());
        row.put(
                f.member(),
                memberNumeric ? Long.valueOf(n.member().value()) : n.member().value());
        row.put(f.comments(), n.comments());
        putIfPresent(row, f.userId(), n.userId());
        putIfPresent(row, f.userFullName(), n.userFullName());
        if (n.followUpDate() != null) {
            row.put(f.followUpDate(), CaspioTime.format(n.followUpDate()));
        }
        putIfPresent(row, f.followUpStatus(), n.followUpStatus());
        putIfPresent(row, f.followUpAssignment(), n.followUpAssignment());
        putIfPresent(row, f.assignedFirst(), n.assignedFirst());
        putIfPresent(row, f.seniorFullName(), n.seniorFullName());
        return row;
    }

    /** The fields an update sends: what a person can edit, nulls included so a cleared value is cleared. */
    Map<String, Object> toUpdateFields(Note n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(f.comments(), n.comments());
        row.put(f.followUpDate(), n.followUpDate() == null ? null : CaspioTime.format(n.followUpDate()));
        row.put(f.followUpStatus(), n.followUpStatus());
        row.put(f.followUpAssignment(), n.followUpAssignment());
        row.put(f.assignedFirst(), n.assignedFirst());
        row.put(f.seniorFullName(), n.seniorFullName());
        return row;
    }

    private static void putIfPresent(Map<String, Object> row, String field, String value) {
        if (value != null) {
            row.put(field, value);
        }
    }

    private static String memberText(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return value == null ? "" : value.toString();
    }

    private static String text(Map<String, Object> row, String field) {
        Object v = row.get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    private Instant instant(String stamp) {
        return stamp == null ? null : CaspioTime.toInstant(stamp, stampZone);
    }

    private static LocalDateTime localDateTime(String value) {
        return value == null ? null : CaspioStamp.parse(value).local();
    }
}
