package io.smartsync.sync;

import io.smartsync.caspio.NotesTable;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import io.smartsync.store.Merges;
import io.smartsync.store.PullResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pulls one member's rows from Caspio page by page, in (update stamp, {@code PK_ID}) order, storing each
 * page with the cursor it reached in one transaction. The cursor only ever holds values Caspio wrote.
 * Stateless; safe for use from many threads (callers keep one pull per member at a time).
 */
final class MemberPuller {
    private final Merges merges;
    private final NotesTable caspio;
    private final SyncConfig config;
    private final SyncEvents events;
    private final LagWatch lag;
    private final Clock clock;

    MemberPuller(Merges merges, NotesTable caspio, SyncConfig config, SyncEvents events, LagWatch lag, Clock clock) {
        this.merges = merges;
        this.caspio = caspio;
        this.config = config;
        this.events = events;
        this.lag = lag;
        this.clock = clock;
    }

    /**
     * Every row of the member, resuming after the last stored page if an earlier run was cut off; its last
     * page finishes the sync (its keys checked too).
     */
    PullResult initial(MemberSyncStatus from) {
        return pull(from, Position.of(from.cursorStamp(), from.cursorPk()), true, true);
    }

    /** False when the table's cursor does not move on edits: only a content check then finds them. */
    boolean cursorSeesEdits() {
        return caspio.shape().updatesVisible();
    }

    /**
     * Every row of the member again, stored where it differs: the content check of a forced sync, which
     * its caller finishes after the delete check.
     */
    PullResult everything(MemberSyncStatus from) {
        return pull(from, Position.START, false, false);
    }

    /**
     * Rows changed since the cursor, starting {@code overlapSeconds} before it; with {@code finishes} its
     * last page finishes the sync, else the caller does (after a delete check).
     */
    PullResult incremental(MemberSyncStatus from, boolean finishes) {
        if (from.cursorStamp() == null) {
            return pull(from, Position.START, false, finishes);
        }
        // PK_ID is positive: position 0 of a stamp is before every row with that stamp.
        CaspioStamp overlap = CaspioStamp.parse(from.cursorStamp()).minusSeconds(config.overlapSeconds());
        return pull(from, new Position(overlap, 0), false, finishes);
    }

    private PullResult pull(MemberSyncStatus from, Position start, boolean initial, boolean finishes) {
        Instant readAt = clock.instant();
        Iterator<List<Note>> pages = caspio.memberRows(from.member(), start, config.pageSize());
        MemberSyncStatus reached = from;
        PullResult total = PullResult.NONE;
        long expectedPages = 1;
        int pagesDone = 0;
        while (pages.hasNext()) {
            List<Note> notes = pages.next();
            boolean last = !pages.hasNext();
            if (!notes.isEmpty()) {
                Note tail = notes.getLast();
                reached = furthest(reached, tail.caspioStamp(), tail.pkId());
            }
            reached = new MemberSyncStatus(
                    reached.member(),
                    reached.initialSyncCompleted() || (initial && last),
                    reached.lastSyncAt(),
                    reached.cursorStamp(),
                    reached.cursorPk(),
                    reached.totalNotesCount(),
                    reached.lastNoteId());
            PullResult page = last && finishes
                    ? merges.applyLastPulled(notes, reached, readAt, initial)
                    : merges.applyPulled(notes, reached, readAt);
            lag.observe(from.cursorStamp(), notes, page.insertedIds());
            total = total.plus(page);
            pagesDone++;
            if (initial && pagesDone == 1 && notes.size() == config.pageSize()) {
                // A first sync longer than a page reports its progress against a count of the member's rows.
                long count = caspio.count(from.member());
                expectedPages = (count + config.pageSize() - 1) / config.pageSize();
            }
            if (initial) {
                events.emit(
                        SyncEvent.Type.SYNC_PROGRESS,
                        from.member().value(),
                        null,
                        Map.of(
                                "pagesDone",
                                pagesDone,
                                "pagesExpected",
                                Math.max(expectedPages, pagesDone),
                                "notes",
                                total.inserted()));
            }
        }
        return total;
    }

    /** The overlap re-reads rows below the cursor; the cursor itself never moves back. */
    private static MemberSyncStatus furthest(MemberSyncStatus s, String stamp, long pk) {
        if (stamp == null || !Position.of(stamp, pk).isAfter(Position.of(s.cursorStamp(), s.cursorPk()))) {
            return s;
        }
        return new MemberSyncStatus(
                s.member(), s.initialSyncCompleted(), s.lastSyncAt(), stamp, pk, s.totalNotesCount(), s.lastNoteId());
    }
}
