package io.smartsync.sync;

import io.smartsync.note.MemberId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per member while someone holds or waits for it: a member's lock is dropped when its last user
 * leaves, so the map holds only the members being synced now, however many were ever synced. Thread-safe.
 */
final class MemberLocks {
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        /** Holders and waiters; changed only inside the map's atomic compute of this member. */
        int users;
    }

    private final ConcurrentHashMap<MemberId, Entry> locks = new ConcurrentHashMap<>();

    /** Holds the member's lock until the answer is closed; waits while another thread holds it. */
    Held hold(MemberId member) {
        Entry e = locks.compute(member, (m, held) -> {
            Entry entry = held == null ? new Entry() : held;
            entry.users++;
            return entry;
        });
        e.lock.lock();
        return () -> {
            e.lock.unlock();
            locks.computeIfPresent(member, (m, held) -> --held.users == 0 ? null : held);
        };
    }

    /** How many members have a lock now (held or waited for). */
    int size() {
        return locks.size();
    }

    /** A member's lock, held; closing it lets the next waiter in. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
