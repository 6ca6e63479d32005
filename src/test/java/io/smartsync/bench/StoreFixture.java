package io.smartsync.bench;

import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.MemberSyncStatus;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.SyncState;
import io.smartsync.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A real SQLite store in a temporary directory, with notes shaped like the emulator's seed data. */
final class StoreFixture implements AutoCloseable {
    /** About 600 bytes a note with its other fields, like the benchmark's workload. */
    static final String COMMENTS = "Called the member to confirm the follow-up appointment and the transport pick-up;"
            + " member asked for the pharmacy to be told about the new prescription. Care plan reviewed with"
            + " the senior coordinator, next check-in booked for next week.";

    static final Author AUTHOR = new Author("mlopez", "Maria Lopez");

    final Path dir;
    final Store store;

    StoreFixture() {
        try {
            dir = Files.createTempDirectory("smartsync-jmh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = Store.openSqlite(dir.resolve("store.db"), Clock.systemUTC());
    }

    static MemberId member(int n) {
        return MemberId.of(String.format(Locale.ROOT, "CL%06d", n));
    }

    /** Notes as a pull brings them from Caspio: PK_IDs from {@code firstPk}, one stamp a second. */
    static List<Note> page(MemberId member, long firstPk, int count, String version) {
        List<Note> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long pk = firstPk + i;
            Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(pk);
            NoteContent content =
                    new NoteContent(version + " " + COMMENTS, null, "Open", "Maria Lopez", "Maria", "Harold Whitfield");
            notes.add(Note.written(Note.idForCaspioRow(pk), member, content, AUTHOR, at)
                    .withCaspio(new CaspioRow(pk, at, at.toString().substring(0, 19)))
                    .withSyncState(SyncState.SYNCED));
        }
        return notes;
    }

    /** The cursor a pull of {@code notes} reaches, for a member whose initial sync is done. */
    static MemberSyncStatus reached(MemberId member, List<Note> notes) {
        Note last = notes.getLast();
        return new MemberSyncStatus(member, true, null, last.caspioStamp(), last.pkId(), notes.size(), null);
    }

    @Override
    public void close() {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
