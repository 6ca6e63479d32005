package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NotePosition;
import io.smartsync.note.OutboxAction;
import io.smartsync.note.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Notes} on the store's database: reads outside a transaction, the answer's marker and audit line
 * in a transaction that does not wait for the disk, local writes under the member's write lock. An answer
 * takes the member's notes from {@link ServedCache} when the member's version, read in the answer's own
 * transaction, is the one they were read at: every instance and process on the database stays coherent,
 * since the version is bumped by triggers in the transaction of every change. Thread-safe.
 */
final class JdbcNotes implements Notes {
    private final Database db;
    private final Dialect dialect;
    private final Clock clock;
    private final ServedCache cache;

    /** @param cachedNotes the most notes kept in memory for answers, all members together (0: none) */
    JdbcNotes(Database db, Clock clock, int cachedNotes) {
        this.db = db;
        this.dialect = db.dialect();
        this.clock = clock;
        this.cache = new ServedCache(cachedNotes);
    }

    @Override
    public Served serve(MemberId member, Instant changedSince, AuditRecord auditLine) {
        Instant now = clock.instant();
        // The marker only sets what the next answer counts as new: losing it in a power cut shows a few
        // notes as new twice, so its commit does not wait for the disk. A read's audit line goes with it
        // (a product decision: it survives a crash of the service, a power cut may lose the last ones).
        return db.relaxedTx(h -> {
            dialect.lockMembers(h, List.of(member));
            ServedSql.Head head = ServedSql.head(h, member);
            Instant previous = head.lastServed() == null ? null : Instant.ofEpochMilli(head.lastServed());
            ServedCache.Member held = cache.at(member, head.version());
            if (held == null && changedSince == null) {
                held = ServedSql.member(h, member, head.version());
                cache.hold(member, held);
            }
            List<Note> notes = changedSince == null ? held.notes() : NoteSql.changedSince(h, member, changedSince);
            NoteSql.Novelty novelty = held != null ? held.novelty(previous) : NoteSql.novelty(h, member, previous);
            if (changedSince == null) {
                // A check for changes (the app's checkForNewNotes, a live page's reload) is not a visit: it
                // neither uses up what the next visit shows as new nor stands for a full reload.
                StatusSql.markServed(h, member, now, held.fullAnswerBytes());
            }
            if (auditLine != null) {
                AuditSql.insert(h, auditLine.at(now, member));
            }
            return new Served(notes, novelty.newIds(), novelty.updatedIds(), previous, head.version());
        });
    }

    /** How many notes the read cache holds now, all members together. */
    int cachedNotes() {
        return cache.notes();
    }

    @Override
    public List<Note> notes(MemberId member) {
        return db.read(h -> NoteSql.forMember(h, member));
    }

    @Override
    public Optional<Note> note(String noteId) {
        return db.read(h -> NoteSql.find(h, noteId));
    }

    @Override
    public List<Note> notesByAuthor(String userId, Optional<NotePosition> after, int limit) {
        return db.read(h -> NoteSql.byAuthor(h, userId, after, limit));
    }

    @Override
    public Optional<OutboxEntry> writeLocal(Note note, OutboxAction action, int queueLimit, String by) {
        Instant now = clock.instant();
        return db.tx(h -> {
            dialect.lockMembers(h, List.of(note.member()));
            ChangeLog.record(h, ChangeLog.Kind.of(action), note, by);
            Optional<Note> before = NoteSql.find(h, note.noteId());
            if (action == OutboxAction.CREATE && before.isPresent()) {
                throw new NoteExistsException(before.get()); // a client's own note id, sent again
            }
            // The writer read the note before this transaction; a push that completed since gave the stored
            // note its Caspio identity (PK_ID, stamps), which the write keeps.
            Note written = before.filter(b -> b.pkId() != null)
                    .map(b -> JdbcOutbox.identityFrom(note, b))
                    .orElse(note);
            Optional<OutboxEntry> idle = OutboxSql.newestIdle(h, note.noteId(), now, dialect);
            Coalescing.Outcome merged =
                    idle.map(e -> Coalescing.merge(h, e, action, now)).orElse(Coalescing.Outcome.SEPARATE);
            if (merged == Coalescing.Outcome.CANCELLED) {
                return Optional.<OutboxEntry>empty();
            }
            if (merged == Coalescing.Outcome.MERGED) {
                NoteSql.upsert(h, written, now);
                return idle;
            }
            if (OutboxSql.size(h) >= queueLimit) {
                throw new QueueFullException(queueLimit, ReportSql.queue(h), now);
            }
            NoteSql.upsert(h, written, now);
            String base = before.map(Note::caspioStamp).orElse(null);
            String baseHash = before.map(Note::contentHash).orElse(null);
            return Optional.of(OutboxSql.insert(h, note.noteId(), note.member(), action, now, base, baseHash));
        });
    }
}
