package io.smartsync.store;

import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members' live notes as an answer last read them from the tables, each under the member's version at
 * that read ({@code member_versions}, which triggers bump with every change of the member's notes and row
 * sizes, whoever writes them). An answer that reads the same version inside its transaction takes the
 * member from here instead of reading its notes again; any other version reads the tables and replaces the
 * entry. Bounded by notes: the least recently used members go first. Thread-safe.
 */
final class ServedCache {
    /**
     * The default bound, in notes: a few hundred members' worth, about 2 KB a note here and as much again in
     * the answers' JSON the API keeps while the notes are held (about 80 MB in all at the bound).
     */
    static final int DEFAULT_NOTES = 20_000;

    private final int maxNotes;
    private final Map<MemberId, Member> members = new LinkedHashMap<>(64, 0.75f, true);
    private int notes;

    /** @param maxNotes the most notes held, all members together; 0 holds none */
    ServedCache(int maxNotes) {
        if (maxNotes < 0) {
            throw new IllegalArgumentException("the cache's bound is 0 or more notes, was " + maxNotes);
        }
        this.maxNotes = maxNotes;
    }

    /**
     * A member's live notes as one read of the tables saw them (newest first), with when each was first
     * stored here and last changed (to count what is new since an answer), and what a full reload of the
     * member from Caspio would fetch.
     */
    record Member(long version, List<Note> notes, long[] firstSeenAt, long[] changedAt, long fullAnswerBytes) {
        /** Stored when there was no {@code first_seen_at}: never counted as new. */
        static final long NEVER = Long.MIN_VALUE;

        /** As {@link NoteSql#novelty}: what changed among these notes since the answer given at {@code after}. */
        NoteSql.Novelty novelty(Instant after) {
            long since = after == null ? Long.MIN_VALUE : after.toEpochMilli();
            Set<String> fresh = new HashSet<>();
            Set<String> updated = new HashSet<>();
            for (int i = 0; i < notes.size(); i++) {
                if (firstSeenAt[i] != NEVER && firstSeenAt[i] > since) {
                    fresh.add(notes.get(i).noteId());
                } else if (changedAt[i] > since) {
                    updated.add(notes.get(i).noteId());
                }
            }
            return new NoteSql.Novelty(fresh, updated);
        }
    }

    /** The member as read at {@code version}, or null when it is not held at that version. */
    synchronized Member at(MemberId member, long version) {
        Member held = members.get(member);
        return held != null && held.version() == version ? held : null;
    }

    /** Holds {@code read} for its member, in place of an older read, unless the member alone is over the bound. */
    synchronized void hold(MemberId member, Member read) {
        Member before = members.remove(member);
        if (before != null) {
            notes -= before.notes().size();
            if (before.version() > read.version()) {
                // A slower answer read an older version: keep the newer one.
                members.put(member, before);
                notes += before.notes().size();
                return;
            }
        }
        if (read.notes().size() > maxNotes) {
            return;
        }
        members.put(member, read);
        notes += read.notes().size();
        Iterator<Member> oldest = members.values().iterator();
        while (notes > maxNotes) {
            notes -= oldest.next().notes().size();
            oldest.remove();
        }
    }

    /** How many notes are held now, all members together. */
    synchronized int notes() {
        return notes;
    }

    synchronized int members() {
        return members.size();
    }

    boolean enabled() {
        return maxNotes > 0;
    }
}
