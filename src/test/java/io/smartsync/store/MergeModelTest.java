package io.smartsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link Merge} through thousands of seeded random interleavings against a model of Caspio and of
 * the store: local creates, edits and deletes; pushes whose answers are lost; edits, deletes and inserts
 * made in Caspio; inserts that commit late (hidden from readers for a while); reads (a member's pull, the
 * poll, a webhook's read, a preload page) that begin, see Caspio and are applied later, repeated and out
 * of order; key listings; restarts that drop reads in flight. Checks, as it goes, that no note comes back
 * after a delete its tombstone already knew of and that no listing buries a row Caspio holds; at
 * quiescence, that the store equals Caspio per member, that no note reached Caspio twice and that no
 * accepted local write was lost. A failure names its seed: {@code SMARTSYNC_MERGE_SEED=<seed>} replays it.
 */
class MergeModelTest {
    private static final int CASES = 3_000;
    private static final int STEPS = 80;
    private static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");
    private static final LocalDateTime STAMP_EPOCH = LocalDateTime.parse("2026-12-01T00:00:00");
    /** How late an insert may become visible, and the window the service allows for it. */
    private static final int LAG = 3;

    private static final Duration COMMIT_LAG = Duration.ofSeconds(LAG);
    /** Retried creates whose row a read had seen and Caspio's users deleted since, over all cases. */
    private static int createsFoundDeleted;

    private static final List<MemberId> MEMBERS = List.of(new MemberId("M1"), new MemberId("M2"));

    @Test
    void random_interleavings_converge_without_loss_duplicates_or_resurrection() {
        String replay = System.getenv("SMARTSYNC_MERGE_SEED");
        long first = replay == null ? 1 : Long.parseLong(replay);
        long last = replay == null ? CASES : first;
        int checked = 0;
        for (long seed = first; seed <= last; seed++) {
            try {
                new World(seed).run();
            } catch (AssertionError e) {
                throw new AssertionError(
                        "merge model, seed " + seed + " (SMARTSYNC_MERGE_SEED=" + seed + "): " + e.getMessage(), e);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(last - first + 1);
        if (replay == null) {
            assertThat(createsFoundDeleted)
                    .as("retried creates whose seen row was deleted in Caspio")
                    .isPositive();
        }
    }

    /** A row of Caspio's table as the writer sees it. */
    private record Row(long pk, String noteId, MemberId member, String content, long stamp, long visibleAt) {}

    /**
     * A read that began at {@code began}, saw Caspio, and waits to be applied: the rows it found, of one
     * member ({@code scope}) or of all (null), and the keys Caspio held then, hidden ones included.
     */
    private record Read(long began, Map<Long, Row> rows, boolean listing, MemberId scope, Set<Long> heldAtSeen) {}

    /** A queued write; {@code attemptedAt} is when its last unanswered attempt was sent (-1: never). */
    private record Entry(String action, long attemptedAt) {
        boolean attempted() {
            return attemptedAt >= 0;
        }
    }

    private static final class World {
        final Random random;
        final long seed;
        long now = 1;
        long nextPk = 1;
        int nextNote = 1;
        /** Caspio: the rows as a writer sees them, and when each deleted row went. */
        final Map<Long, Row> caspio = new TreeMap<>();

        final Map<String, Long> deletedInCaspioAt = new HashMap<>();
        /** The notes whose rows were deleted by Caspio's own users: none may come back. */
        final Set<String> deletedInCaspio = new HashSet<>();
        /** The notes whose rows a read applied to the store has held. */
        final Set<String> seenByARead = new HashSet<>();
        /** The store: notes by id, and the outbox (per note, its actions in order). */
        final Map<String, Merge.Stored> store = new LinkedHashMap<>();

        final Map<String, Deque<Entry>> outbox = new LinkedHashMap<>();
        final List<Read> inFlight = new ArrayList<>();
        /** The notes written here and not deleted, with the tick of their latest local write. */
        final Map<String, Long> accepted = new HashMap<>();

        World(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                now += random.nextInt(2);
                switch (random.nextInt(12)) {
                    case 0, 1 -> createHere();
                    case 2 -> editHere();
                    case 3 -> deleteHere();
                    case 4, 5 -> pushOne(random.nextInt(4) == 0);
                    case 6 -> changeInCaspio();
                    case 7 -> beginRead(false);
                    case 8 -> beginRead(true);
                    case 9, 10 -> deliverOne();
                    default -> {
                        if (random.nextInt(4) == 0) {
                            inFlight.clear(); // a restart: reads in flight die with the process
                        } else {
                            insertInCaspio();
                        }
                    }
                }
            }
            quiesce();
        }

        // --- local writes -------------------------------------------------------------------------

        void createHere() {
            String id = "n" + nextNote++;
            MemberId member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            String content = id + "@" + now;
            putStored(note(id, member, null, content, null, false), null);
            outbox.put(id, new ArrayDeque<>(List.of(new Entry("CREATE", -1))));
            accepted.put(id, now);
        }

        void editHere() {
            Merge.Stored s = pickLive();
            if (s == null) {
                return;
            }
            String content = s.note().noteId() + "@" + now;
            putStored(withContent(s.note(), content), null);
            Deque<Entry> q = outbox.computeIfAbsent(s.note().noteId(), k -> new ArrayDeque<>());
            if (q.isEmpty()
                    || !q.peekLast().action().equals("UPDATE")
                    || q.peekLast().attempted()) {
                if (q.isEmpty()
                        || !q.peekLast().action().equals("CREATE")
                        || q.peekLast().attempted()) {
                    q.addLast(new Entry("UPDATE", -1));
                }
            }
            accepted.put(s.note().noteId(), now);
        }

        void deleteHere() {
            Merge.Stored s = pickLive();
            if (s == null) {
                return;
            }
            String id = s.note().noteId();
            Deque<Entry> q = outbox.computeIfAbsent(id, k -> new ArrayDeque<>());
            accepted.remove(id);
            if (q.size() == 1 && q.peek().action().equals("CREATE") && !q.peek().attempted()) {
                store.remove(id); // never reached Caspio: the create and the delete cancel out
                outbox.remove(id);
                return;
            }
            putStored(s.note().asDeleted(SyncState.PENDING), null);
            q.addLast(new Entry("DELETE", -1));
        }

        // --- the push -----------------------------------------------------------------------------

        /** Pushes the oldest entry of one note; with {@code answerLost} Caspio acts but the answer never comes. */
        void pushOne(boolean answerLost) {
            List<String> waiting = outbox.keySet().stream()
                    .filter(k -> !outbox.get(k).isEmpty())
                    .toList();
            if (waiting.isEmpty()) {
                return;
            }
            String id = waiting.get(random.nextInt(waiting.size()));
            Deque<Entry> q = outbox.get(id);
            Entry e = q.peek();
            Note local = store.get(id).note();
            if (e.action().equals("CREATE") && e.attempted() && local.pkId() == null && now < e.attemptedAt() + LAG) {
                return; // a late commit of the unanswered attempt could still show: looked up again later
            }
            Row row = switch (e.action()) {
                case "CREATE" -> create(local, e.attempted());
                case "UPDATE" -> update(local);
                default -> delete(local);
            };
            if (answerLost) {
                q.pollFirst();
                q.addFirst(new Entry(e.action(), now));
                return;
            }
            now++;
            q.pollFirst();
            if (q.isEmpty()) {
                outbox.remove(id);
            }
            Instant at = instant(now);
            if (row == null) {
                putStored(local.asDeleted(SyncState.SYNCED), new Merge.Provenance(Merge.Origin.HERE, at));
            } else if (outbox.containsKey(id)) {
                Note later = store.get(id).note();
                putStored(
                        note(id, later.member(), row.pk(), later.comments(), stamp(row.stamp()), later.deleted()),
                        null);
            } else {
                putStored(asNote(row), new Merge.Provenance(Merge.Origin.PUSH, at));
            }
        }

        /** As NotePush: what the store knows (a key a read found) and what a reader of Caspio sees, nothing more. */
        Row create(Note local, boolean triedBefore) {
            if (triedBefore && local.pkId() != null) {
                Row seen = caspio.get(local.pkId()); // a read saw the row; gone now means deleted in Caspio
                if (seen == null) {
                    createsFoundDeleted++;
                    accepted.remove(local.noteId()); // the delete made in Caspio wins over later local edits
                }
                return seen;
            }
            if (triedBefore) {
                // An earlier attempt may have landed: look the sync id up among the visible rows and adopt it.
                for (Row r : caspio.values()) {
                    if (r.noteId().equals(local.noteId()) && r.visibleAt() <= now) {
                        return r;
                    }
                }
            }
            long visibleAt = random.nextInt(3) == 0 ? now + 1 + random.nextInt(LAG) : now;
            Row r = new Row(nextPk++, local.noteId(), local.member(), local.comments(), now, visibleAt);
            caspio.put(r.pk(), r);
            return r;
        }

        Row update(Note local) {
            Row r = local.pkId() == null ? null : caspio.get(local.pkId());
            if (r == null) {
                accepted.remove(local.noteId()); // deleted in Caspio meanwhile: the delete wins
                return null;
            }
            Row edited = new Row(r.pk(), r.noteId(), r.member(), local.comments(), now, r.visibleAt());
            caspio.put(r.pk(), edited);
            return edited;
        }

        Row delete(Note local) {
            if (local.pkId() != null && caspio.remove(local.pkId()) != null) {
                deletedInCaspioAt.put(local.noteId(), now);
            }
            return null;
        }

        // --- Caspio's own writes --------------------------------------------------------------------

        void changeInCaspio() {
            if (caspio.isEmpty()) {
                return;
            }
            List<Row> rows = new ArrayList<>(caspio.values());
            Row r = rows.get(random.nextInt(rows.size()));
            if (random.nextBoolean()) {
                caspio.put(r.pk(), new Row(r.pk(), r.noteId(), r.member(), "caspio@" + now, now, r.visibleAt()));
            } else {
                Merge.Stored here = store.get(r.noteId());
                if (here != null
                        && here.note().pkId() == null
                        && outbox.containsKey(r.noteId())
                        && !seenByARead.contains(r.noteId())) {
                    // Made by a create whose answer was lost and that no read has seen: if it goes now, the
                    // retry cannot tell it from a create that never landed, and makes it again (a limit).
                    return;
                }
                caspio.remove(r.pk());
                deletedInCaspioAt.put(r.noteId(), now);
                deletedInCaspio.add(r.noteId());
                accepted.remove(r.noteId());
            }
        }

        void insertInCaspio() {
            long pk = nextPk++;
            MemberId member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            caspio.put(pk, new Row(pk, Note.idForCaspioRow(pk), member, "elsewhere@" + now, now, now));
        }

        // --- reads ----------------------------------------------------------------------------------

        /** A read (or a key listing) that began up to two ticks ago sees Caspio now; it is applied later. */
        void beginRead(boolean listing) {
            long began = Math.max(1, now - random.nextInt(3));
            Map<Long, Row> seen = new TreeMap<>();
            MemberId only = random.nextBoolean() ? MEMBERS.get(random.nextInt(MEMBERS.size())) : null;
            for (Row r : caspio.values()) {
                if (r.visibleAt() > now) {
                    continue; // a late commit: not visible to readers yet
                } else if (only == null || r.member().equals(only)) {
                    // A pull, the poll or a webhook's read may see any subset of the rows; a listing sees all.
                    if (listing || random.nextInt(3) > 0) {
                        seen.put(r.pk(), r);
                    }
                }
            }
            Read read = new Read(began, seen, listing, only, Set.copyOf(caspio.keySet()));
            inFlight.add(read);
            if (!listing && random.nextInt(5) == 0) {
                inFlight.add(read); // delivered twice
            }
        }

        void deliverOne() {
            if (inFlight.isEmpty()) {
                return;
            }
            apply(inFlight.remove(random.nextInt(inFlight.size())));
        }

        void apply(Read read) {
            now++;
            Instant readAt = instant(read.began());
            Instant at = instant(now);
            if (read.listing()) {
                for (Merge.Stored s : List.copyOf(store.values())) {
                    if (s.note().pkId() == null
                            || read.rows().containsKey(s.note().pkId())
                            || (read.scope() != null
                                    && !read.scope().equals(s.note().member()))) {
                        continue;
                    }
                    if (Merge.absent(s, outbox.containsKey(s.note().noteId()), readAt, COMMIT_LAG, at)
                            instanceof Merge.Bury bury) {
                        assertThat(read.heldAtSeen())
                                .as(
                                        "a listing buried %s, whose row Caspio held",
                                        s.note().noteId())
                                .doesNotContain(s.note().pkId());
                        putStored(bury.tombstone(), bury.from());
                    }
                }
                return;
            }
            for (Row r : read.rows().values()) {
                seenByARead.add(r.noteId());
                Merge.Stored s = store.get(r.noteId());
                Note row = asNote(r);
                Merge.Outcome outcome = Merge.row(s, outbox.containsKey(r.noteId()), row, readAt);
                if (outcome instanceof Merge.Identify identify) {
                    Note n = s.note();
                    putStored(
                            note(n.noteId(), n.member(), identify.pkId(), n.comments(), n.caspioStamp(), n.deleted()),
                            null);
                }
                if (outcome instanceof Merge.Put put) {
                    if (s != null && s.note().deleted()) {
                        Long goneAt = deletedInCaspioAt.get(r.noteId());
                        assertThat(goneAt == null || goneAt > s.since().getEpochSecond() - EPOCH.getEpochSecond())
                                .as("%s came back after the delete its tombstone (%s) knew of", r.noteId(), s.from())
                                .isTrue();
                    }
                    if (s != null && !s.note().deleted() && s.note().caspioStamp() != null) {
                        assertThat(CaspioStamp.compare(
                                        row.caspioStamp(), s.note().caspioStamp()))
                                .as("%s went back to an older version", r.noteId())
                                .isNotNegative();
                    }
                    putStored(put.row(), new Merge.Provenance(Merge.Origin.READ, at));
                }
            }
        }

        // --- quiescence -----------------------------------------------------------------------------

        void quiesce() {
            inFlight.forEach(this::apply);
            inFlight.clear();
            while (!outbox.isEmpty()) {
                pushOne(false);
                now++; // a create held for a late commit is tried again once the lag has passed
            }
            now += LAG + 2;
            Read full = new Read(now, visibleRows(), false, null, Set.copyOf(caspio.keySet()));
            now++;
            apply(full);
            apply(new Read(now, visibleRows(), true, null, Set.copyOf(caspio.keySet())));
            Map<String, String> inCaspio = new TreeMap<>();
            Map<String, Integer> copies = new HashMap<>();
            for (Row r : caspio.values()) {
                inCaspio.put(r.noteId(), r.member().value() + ":" + r.content());
                copies.merge(r.noteId(), 1, Integer::sum);
            }
            Map<String, String> live = store.values().stream()
                    .filter(s -> !s.note().deleted())
                    .collect(Collectors.toMap(
                            s -> s.note().noteId(),
                            s -> s.note().member().value() + ":" + s.note().comments(),
                            (a, b) -> a,
                            TreeMap::new));
            assertThat(live).as("the store equals Caspio").isEqualTo(inCaspio);
            assertThat(copies.values()).as("no note reached Caspio twice").allMatch(n -> n == 1);
            assertThat(inCaspio.keySet().stream()
                            .filter(deletedInCaspio::contains)
                            .toList())
                    .as("deleted in Caspio and made again")
                    .isEmpty();
            // Each accepted note is in Caspio with its latest local text, or with an edit made there later.
            accepted.forEach((id, tick) -> {
                String there = inCaspio.get(id);
                assertThat(there).as("accepted write of %s", id).isNotNull();
                String text = there.substring(there.indexOf(':') + 1);
                long writtenAt = Long.parseLong(text.substring(text.indexOf('@') + 1));
                assertThat(text.startsWith(id + "@") ? writtenAt == tick : writtenAt >= tick)
                        .as("accepted write of %s at %d, Caspio holds %s", id, tick, text)
                        .isTrue();
            });
        }

        Map<Long, Row> visibleRows() {
            Map<Long, Row> rows = new TreeMap<>();
            caspio.values().stream().filter(r -> r.visibleAt() <= now).forEach(r -> rows.put(r.pk(), r));
            return rows;
        }

        // --- helpers --------------------------------------------------------------------------------

        Merge.Stored pickLive() {
            List<Merge.Stored> live =
                    store.values().stream().filter(s -> !s.note().deleted()).toList();
            return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        }

        void putStored(Note n, Merge.Provenance from) {
            store.put(n.noteId(), new Merge.Stored(n, instant(now), from));
        }

        static Instant instant(long tick) {
            return EPOCH.plusSeconds(tick);
        }

        static String stamp(long tick) {
            return CaspioStamp.of(STAMP_EPOCH.plusSeconds(tick)).wire();
        }

        static Note asNote(Row r) {
            return note(r.noteId(), r.member(), r.pk(), r.content(), stamp(r.stamp()), false);
        }

        static Note withContent(Note n, String content) {
            return note(n.noteId(), n.member(), n.pkId(), content, n.caspioStamp(), false);
        }

        static Note note(String id, MemberId member, Long pk, String content, String stamp, boolean deleted) {
            Note synced = Note.written(id, member, NoteContent.of(content), new Author("u1", "User One"), EPOCH)
                    .withCaspio(new CaspioRow(pk, null, stamp))
                    .withSyncState(SyncState.SYNCED);
            return deleted ? synced.asDeleted(SyncState.PENDING) : synced;
        }
    }
}
