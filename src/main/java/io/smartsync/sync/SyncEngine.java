package io.smartsync.sync;

import io.smartsync.caspio.CaspioClient;
import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.Tally;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.store.LocalStore;
import io.smartsync.store.PullResult;
import io.smartsync.store.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a member's notes up to date when staff select the member: the initial sync the first time,
 * an incremental pull after that. Every run is recorded with its cost. Safe for use from many threads;
 * one pull per member at a time (a second selection waits for the first).
 */
final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final LocalStore store;
    private final CaspioClient caspio;
    private final MemberPuller puller;
    private final Clock clock;
    private final ConcurrentHashMap<MemberId, ReentrantLock> memberLocks = new ConcurrentHashMap<>();

    SyncEngine(LocalStore store, CaspioClient caspio, MemberPuller puller, Clock clock) {
        this.store = store;
        this.caspio = caspio;
        this.puller = puller;
        this.clock = clock;
    }

    SyncOutcome select(MemberId member) {
        ReentrantLock lock = memberLocks.computeIfAbsent(member, m -> new ReentrantLock());
        lock.lock();
        try {
            MemberSyncStatus before = store.status(member).orElse(MemberSyncStatus.fresh(member));
            SyncType type = before.initialSyncCompleted() ? SyncType.INCREMENTAL : SyncType.INITIAL;
            Instant startedAt = clock.instant();
            long started = System.nanoTime();
            PullResult found = PullResult.NONE;
            String outcome = "ok";
            try (Tally cost = caspio.tally()) {
                try {
                    found = type == SyncType.INITIAL ? puller.initial(before) : puller.incremental(before);
                    return finished(member, type, found, before.lastSyncAt());
                } catch (CaspioException e) {
                    outcome = "failed: " + e.kind();
                    log.warn(
                            "sync of member {} could not reach Caspio ({}): answering from the store",
                            member,
                            e.kind());
                    return new SyncOutcome(
                            SyncType.STALE,
                            Set.of(),
                            0,
                            "Caspio could not be reached; showing the notes stored here"
                                    + (before.lastSyncAt() == null ? "" : " as of " + before.lastSyncAt()),
                            before.lastSyncAt());
                } finally {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    store.recordRun(new SyncRun(
                            startedAt,
                            ms,
                            type.wireName(),
                            member.value(),
                            cost.requests(),
                            cost.bytesIn(),
                            cost.bytesOut(),
                            cost.rows(),
                            found.inserted(),
                            found.updated(),
                            outcome));
                    log.info(
                            "{} sync of member {}: {}, {} new, {} updated, {} requests, {} rows, {} ms",
                            type.wireName(),
                            member,
                            outcome,
                            found.inserted(),
                            found.updated(),
                            cost.requests(),
                            cost.rows(),
                            ms);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private SyncOutcome finished(MemberId member, SyncType type, PullResult found, Instant previousSync) {
        MemberSyncStatus after = store.finishSync(member, clock.instant());
        String message = type == SyncType.INITIAL
                ? "Initial sync completed - " + plural(after.totalNotesCount(), "note") + " loaded"
                : incrementalMessage(found, previousSync);
        return new SyncOutcome(type, Set.copyOf(found.insertedIds()), found.updated(), message, after.lastSyncAt());
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
