package io.smartsync.store;

import io.smartsync.note.CaspioStamp;
import io.smartsync.note.Note;
import io.smartsync.note.SyncState;
import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for what the store keeps when Caspio says something about a note: every path that brings
 * Caspio rows in (a member's pull, the global poll, a preload, a webhook's read, a key listing) decides
 * through it. Pure: it sees the stored note with how its version came to be ({@link Provenance}), whether
 * a local write of it is queued, and what a read found, with when that read began on this service's clock.
 * A version's instant is taken after Caspio's answer that made it arrived; a read's instant before its
 * request left. So "began after" means the read saw Caspio after that version was made.
 *
 * <ul>
 *   <li>A note with a local write queued is left to the push, which settles it with Caspio; but a read that
 *       finds the row of a note whose create is still queued (its answer was lost) records the row's key,
 *       so that the create's retry knows the row existed and, if it is gone by then, that it was deleted in
 *       Caspio rather than never made ({@link Identify}).
 *   <li>A row replaces a live note unless it is older (stamps compare as {@link CaspioStamp} values); on
 *       equal stamps (or none) a read that began before the stored version was known does not replace it.
 *   <li>A tombstone comes back only with a row from a read that began after the tombstone was made (its
 *       delete reached Caspio, {@link Origin#HERE}, or a listing without its row answered, {@link
 *       Origin#LISTING}): a read that began earlier may hold the row as it was before the delete. The
 *       provenance is stored, so this holds across restarts and across instances sharing a store.
 *   <li>A live note whose row a key listing does not hold becomes a tombstone, unless the listing may not
 *       have seen it: it began before the read that found the row had answered, or less than the commit lag
 *       after this service pushed the row (a late commit may hide a row from readers for that long).
 * </ul>
 */
final class Merge {
    private Merge() {}

    /** How the stored version of a note came to be. */
    enum Origin {
        /** Found by a read of Caspio; {@link Provenance#at} is when it was stored, after the answer came. */
        READ,
        /** Pushed from here; {@link Provenance#at} is when Caspio's answer arrived. */
        PUSH,
        /** A tombstone: deleted here; {@link Provenance#at} is when the delete reached Caspio. */
        HERE,
        /**
         * A tombstone: missing from a key listing of Caspio; {@link Provenance#at} is when it was stored,
         * after the listing's answer came.
         */
        LISTING
    }

    record Provenance(Origin origin, Instant at) {}

    /**
     * A note as stored.
     *
     * @param changedAt when this version was stored here
     * @param from how this version came to be; null while a local write of it waits for its push
     */
    record Stored(Note note, Instant changedAt, Provenance from) {
        /** Since when Caspio is known to have held this version (or, for a tombstone, to have been without it). */
        Instant since() {
            return from == null ? changedAt : from.at();
        }
    }

    /** What the store does with the note. */
    sealed interface Outcome permits Keep, Put, Bury, Identify {}

    /** Leave the stored note as it is. */
    record Keep() implements Outcome {}

    /**
     * Store the row as Caspio holds it.
     *
     * @param inserted true when the note was not live here before (new, or back from a tombstone)
     */
    record Put(Note row, boolean inserted) implements Outcome {}

    /** Store the note as a tombstone that came from a listing. */
    record Bury(Note tombstone, Provenance from) implements Outcome {}

    /** Record the key of the row a queued create made, leaving the note as it is otherwise. */
    record Identify(long pkId) implements Outcome {}

    static final Keep KEEP = new Keep();

    /** What the store keeps when a read that began at {@code readAt} found {@code row}. */
    static Outcome row(Stored stored, boolean queued, Note row, Instant readAt) {
        if (queued) {
            boolean createUnconfirmed = stored != null && stored.note().pkId() == null && row.pkId() != null;
            return createUnconfirmed ? new Identify(row.pkId()) : KEEP;
        }
        if (stored == null) {
            return new Put(row, true);
        }
        Note here = stored.note();
        if (here.deleted()) {
            return readAt.isAfter(stored.since()) ? new Put(row, true) : KEEP;
        }
        if (here.equals(row)) {
            return KEEP;
        }
        boolean bothStamped = row.caspioStamp() != null && here.caspioStamp() != null;
        int c = bothStamped ? CaspioStamp.compare(row.caspioStamp(), here.caspioStamp()) : 0;
        if (c < 0 || (c == 0 && !readAt.isAfter(stored.since()))) {
            return KEEP;
        }
        return new Put(row, false);
    }

    /**
     * What the store keeps when a key listing that began at {@code readAt}, covering the note's key, did
     * not hold its row; {@code now} is after its answer came. {@code commitLag} is how late a commit may become visible to readers (the overlap
     * window): a row this service pushed may stay hidden that long, while a row a read found was visible.
     */
    static Outcome absent(Stored stored, boolean queued, Instant readAt, Duration commitLag, Instant now) {
        if (queued || stored == null) {
            return KEEP;
        }
        Note here = stored.note();
        if (here.deleted() || here.pkId() == null) {
            return KEEP;
        }
        boolean seenByARead = stored.from() != null && stored.from().origin() == Origin.READ;
        Instant visibleBy = seenByARead ? stored.since() : stored.since().plus(commitLag);
        if (!visibleBy.isBefore(readAt)) {
            return KEEP;
        }
        return new Bury(here.asDeleted(SyncState.SYNCED), new Provenance(Origin.LISTING, now));
    }
}
