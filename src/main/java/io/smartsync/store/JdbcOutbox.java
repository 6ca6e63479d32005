package io.smartsync.store;

import io.smartsync.note.Note;
import io.smartsync.note.OutboxEntry;
import io.smartsync.note.SyncState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * {@link Outbox} on the store's database: what changes a note as well as its entry runs under the
 * member's write lock and announces the note's new state. Thread-safe.
 */
final class JdbcOutbox implements Outbox {
    private final Database db;
    private final Dialect dialect;
    private final Clock clock;

    JdbcOutbox(Database db, Clock clock) {
        this.db = db;
        this.dialect = db.dialect();
        this.clock = clock;
    }

    @Override
    public List<OutboxEntry> claim(String owner, int limit, Instant now, Duration lease) {
        return db.tx(h -> OutboxSql.claim(h, owner, limit, now, lease, dialect));
    }

    @Override
    public int renewClaims(String owner, Collection<Long> entryIds, Instant until) {
        return db.tx(h -> OutboxSql.renew(h, owner, entryIds, until));
    }

    @Override
    public int releaseClaims(String owner) {
        return db.tx(h -> OutboxSql.releaseAll(h, owner));
    }

    @Override
    public void holdUntil(OutboxEntry entry, String owner, Instant until) {
        db.tx(h -> {
            OutboxSql.holdUntil(h, entry.id(), owner, until);
            return null;
        });
    }

    @Override
    public void completePush(OutboxEntry entry, Note pushed) {
        Instant now = clock.instant();
        // The row is this note, whatever id a table without a sync-id field would give it.
        Note asInCaspio = pushed.withNoteId(entry.noteId());
        db.tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            ChangeLog.record(h, ChangeLog.Kind.STATE, asInCaspio, StoredChange.PUSH);
            OutboxSql.delete(h, entry.id());
            Note stored = NoteSql.find(h, entry.noteId()).orElse(asInCaspio);
            if (OutboxSql.hasEntryFor(h, entry.noteId())) {
                // A later local write is still queued: keep its content, learn only Caspio's identity, and
                // base the writes queued on top of this one on the version it made (else the next
                // conditional write meets our own edit as a conflict, and a delete may lose to it).
                NoteSql.upsert(h, identityFrom(stored, asInCaspio), now);
                OutboxSql.rebaseFollowing(h, entry, asInCaspio.caspioStamp(), asInCaspio.contentHash());
            } else {
                NoteSql.dropOtherIdsForRow(h, asInCaspio);
                // The version records when Caspio's answer arrived: a read that began before then may hold
                // the row as it was (a delete's tombstone must not come back from it), and a listing may
                // not see a new row until a late commit shows it (Merge).
                NoteSql.upsert(
                        h,
                        asInCaspio.withSyncState(SyncState.SYNCED),
                        now,
                        new Merge.Provenance(asInCaspio.deleted() ? Merge.Origin.HERE : Merge.Origin.PUSH, now));
            }
            return null;
        });
    }

    static Note identityFrom(Note local, Note caspio) {
        return new Note(
                local.noteId(),
                local.member(),
                local.content(),
                local.userId(),
                local.userFullName(),
                caspio.timeStamp(),
                caspio.caspio(),
                SyncState.PENDING,
                local.deleted());
    }

    @Override
    public void rebase(OutboxEntry entry, Note server) {
        db.tx(h -> {
            OutboxSql.rebase(h, entry.id(), server.caspioStamp(), server.contentHash());
            return null;
        });
    }

    @Override
    public void parkConflict(OutboxEntry entry, long conflictId) {
        Instant now = clock.instant();
        db.tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            OutboxSql.recordFailure(
                    h, entry.id(), "conflict " + conflictId + " waits for a person to resolve it", true);
            NoteSql.find(h, entry.noteId()).ifPresent(n -> {
                NoteSql.upsert(h, n.withSyncState(SyncState.CONFLICT), now);
                ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
            });
            return null;
        });
    }

    @Override
    public void markUnanswered(OutboxEntry entry, Instant at) {
        db.tx(h -> {
            OutboxSql.markUnanswered(h, entry.id(), at);
            return null;
        });
    }

    @Override
    public void recordFailure(OutboxEntry entry, String error, boolean permanent) {
        Instant now = clock.instant();
        db.tx(h -> {
            dialect.lockMembers(h, List.of(entry.member()));
            OutboxSql.recordFailure(h, entry.id(), error, permanent);
            if (permanent) {
                NoteSql.find(h, entry.noteId()).ifPresent(n -> {
                    NoteSql.upsert(h, n.withSyncState(SyncState.FAILED), now);
                    ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
                });
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pending() {
        return db.read(h -> OutboxSql.list(h, false));
    }

    @Override
    public List<OutboxEntry> failed() {
        return db.read(h -> OutboxSql.list(h, true));
    }

    @Override
    public int requeueFailed() {
        Instant now = clock.instant();
        return db.tx(h -> {
            dialect.lockMembers(
                    h, OutboxSql.list(h, true).stream().map(OutboxEntry::member).toList());
            for (OutboxEntry e : OutboxSql.list(h, true)) {
                NoteSql.find(h, e.noteId()).ifPresent(n -> {
                    NoteSql.upsert(h, n.withSyncState(SyncState.PENDING), now);
                    ChangeLog.record(h, ChangeLog.Kind.STATE, n, StoredChange.PUSH);
                });
            }
            return OutboxSql.requeueFailed(h);
        });
    }
}
