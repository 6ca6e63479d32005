package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.LocalStore;
import io.smartsync.store.PullResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a member's notes up to date when staff select the member: the initial sync the first time,
 * an incremental pull after that. Safe for use from many threads; one pull per member at a time.
 */
final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final LocalStore store;
    private final MemberPuller puller;
    private final Clock clock;
    private final ConcurrentHashMap<MemberId, ReentrantLock> memberLocks = new ConcurrentHashMap<>();

    SyncEngine(LocalStore store, MemberPuller puller, Clock clock) {
        this.store = store;
        this.puller = puller;
        this.clock = clock;
    }

    SyncOutcome select(MemberId member) {
        ReentrantLock lock = memberLocks.computeIfAbsent(member, m -> new ReentrantLock());
        lock.lock();
        try {
            MemberSyncStatus before = store.status(member).orElse(MemberSyncStatus.fresh(member));
            boolean initial = !before.initialSyncCompleted();
            long started = System.nanoTime();
            log.info("{} sync started for member {}", initial ? "initial" : "incremental", member);
            try {
                PullResult found = initial ? puller.initial(before) : puller.incremental(before);
                MemberSyncStatus after = store.finishSync(member, clock.instant());
                log.info(
                        "{} sync finished for member {}: {} new, {} updated, {} stored, {} ms",
                        initial ? "initial" : "incremental",
                        member,
                        found.inserted(),
                        found.updated(),
                        after.totalNotesCount(),
                        (System.nanoTime() - started) / 1_000_000);
                return initial
                        ? new SyncOutcome(
                                SyncType.INITIAL,
                                Set.copyOf(found.insertedIds()),
                                found.updated(),
                                "Initial sync completed - " + plural(after.totalNotesCount(), "note") + " loaded",
                                after.lastSyncAt())
                        : new SyncOutcome(
                                SyncType.INCREMENTAL,
                                Set.copyOf(found.insertedIds()),
                                found.updated(),
                                incrementalMessage(found, before.lastSyncAt()),
                                after.lastSyncAt());
            } catch (CaspioException e) {
                log.warn("sync of member {} could not reach Caspio ({}): answering from the store", member, e.kind());
                return new SyncOutcome(
                        SyncType.STALE,
                        Set.of(),
                        0,
                        "Caspio could not be reached; showing the notes stored here"
                                + (before.lastSyncAt() == null ? "" : " as of " + before.lastSyncAt()),
                        before.lastSyncAt());
            }
        } finally {
            lock.unlock();
        }
    }

    private static String incrementalMessage(PullResult found, Instant since) {
        String when = since == null ? "" : " since " + since;
        if (found.inserted() == 0 && found.updated() == 0) {
            return "No new notes" + when;
        }
        return "Found " + plural(found.inserted(), "new note") + " and " + plural(found.updated(), "updated note")
                + when;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
