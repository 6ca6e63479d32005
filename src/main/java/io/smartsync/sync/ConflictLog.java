package io.smartsync.sync;

import io.smartsync.note.Conflict;
import io.smartsync.note.Note;
import io.smartsync.store.Conflicts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a conflict between a local write and a version it did not see by the conflict policy, and
 * keeps both versions in the conflict log. Two kinds meet here: a push that finds Caspio's row moved on
 * since the edit's base version, and a write sent with {@code If-Match} naming an older version than the
 * stored one (an offline edit, after another person's edit reached this service or Caspio).
 */
final class ConflictLog {
    private static final Logger log = LoggerFactory.getLogger(ConflictLog.class);

    /** What the policy decided: the conflict's id, and whether the local write goes ahead or waits. */
    record Verdict(long id, boolean localWins, boolean open) {}

    private final Conflicts conflicts;
    private final ConflictPolicy policy;
    private final SyncEvents events;
    private final Clock clock;

    ConflictLog(Conflicts conflicts, ConflictPolicy policy, SyncEvents events, Clock clock) {
        this.conflicts = conflicts;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Judges {@code local}, accepted here at {@code acceptedAt} on the version {@code base}, against
     * {@code other} (null: deleted), whose stamps are on Caspio's clock, {@code caspioClockOffset} from ours.
     */
    Verdict settle(Instant acceptedAt, Duration caspioClockOffset, Note local, Note other, String base) {
        boolean localWins = policy.localWins(acceptedAt, other, caspioClockOffset);
        String outcome = policy.outcome(localWins, other != null);
        boolean open = Conflict.OPEN.equals(outcome);
        Instant now = clock.instant();
        long id = conflicts.recordConflict(new Conflict(
                0,
                local.noteId(),
                local.member(),
                now,
                policy.wireName(),
                outcome,
                base,
                local,
                other,
                open ? null : now,
                open ? null : "policy"));
        log.info("conflict {} on note {}: {} ({})", id, local.noteId(), outcome, policy.wireName());
        events.emit(
                SyncEvent.Type.CONFLICT,
                local.member().value(),
                local.noteId(),
                Map.of("conflictId", id, "outcome", outcome));
        return new Verdict(id, localWins, open);
    }

    /**
     * A write of {@code local} made on an older version than {@code stored}: answers normally when the
     * policy lets it go ahead (it was accepted now, after the stored version).
     *
     * @throws StaleWriteException when the stored version was kept, or the conflict waits for a person
     */
    void settleStaleWrite(Note stored, Note local, Duration caspioClockOffset) {
        Verdict v = settle(clock.instant(), caspioClockOffset, local, stored, stored.caspioStamp());
        if (v.localWins()) {
            return;
        }
        throw new StaleWriteException(
                v.id(),
                "note " + local.noteId() + " changed after the version this "
                        + (local.deleted() ? "delete" : "edit") + " was based on; "
                        + (v.open()
                                ? "it waits in conflict " + v.id() + " for a person to choose (conflict policy manual)"
                                : "the newer version was kept (conflict policy " + policy.wireName()
                                        + ") and this one is in conflict " + v.id()));
    }
}
