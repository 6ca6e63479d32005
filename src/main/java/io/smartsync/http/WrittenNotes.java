package io.smartsync.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.smartsync.note.Note;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Each note's JSON in an answer of {@code GET /api/client-notes}, written once per version of the member's
 * notes and encoded to UTF-8 once: the two flags that differ from answer to answer ({@code isNew},
 * {@code isUpdated}) are put between the kept parts as the answer is written. The store keeps a member's
 * notes in memory while the member's version is unchanged (a bounded cache) and hands the same list to
 * every answer meanwhile: the parts are kept for that list, found by its first note, for as long as the
 * list is alive, and forgotten by the next garbage collection once the store lets it go (a new version, an
 * eviction). Another list, even of equal notes, is written again: what is sent never depends on what was
 * kept. An answer that depends on the list alone (a return visit with nothing new) is kept whole with the
 * parts ({@link #whole}). Thread-safe.
 */
final class WrittenNotes {
    private static final String IS_NEW = "\"isNew\":";
    private static final String FLAGS_FROM = IS_NEW + "false,\"syncState\":";
    private static final String IS_UPDATED_END = "\"isUpdated\":false}";
    private static final SerializableString TRUE = new SerializedString("true");
    private static final SerializableString FALSE = new SerializedString("false");
    private static final SerializableString TRUE_END = new SerializedString("true}");
    private static final SerializableString FALSE_END = new SerializedString("false}");

    private final JsonFactory factory;
    /** By the first note of the list (weakly, as the list); the value must not hold the list or its notes. */
    private final Map<Note, Kept> kept = new WeakHashMap<>();

    /** @param whole what {@link #whole} made of the list, once made */
    private record Kept(WeakReference<List<Note>> notes, Parts[] parts, AtomicReference<byte[]> whole) {}

    WrittenNotes(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * A note's JSON in two parts: up to {@code "isNew":}, and from the comma after it up to
     * {@code "isUpdated":}; the flags' values and the closing brace go between and after them.
     */
    record Parts(SerializableString head, SerializableString tail) {
        /** Writes the note as the array's next value. */
        void write(JsonGenerator g, boolean isNew, boolean isUpdated) throws IOException {
            g.writeRawValue(head);
            g.writeRaw(isNew ? TRUE : FALSE);
            g.writeRaw(tail);
            g.writeRaw(isUpdated ? TRUE_END : FALSE_END);
        }
    }

    /**
     * The parts of a member's notes as one answer holds them, kept for later answers that get the same
     * list; by note (these notes or any other, written then).
     */
    Function<Note, Parts> of(List<Note> notes) {
        if (notes.isEmpty()) {
            return n -> write(factory, n);
        }
        return byNote(notes, kept(notes).parts());
    }

    /** The parts of these notes by note, and any other note written now. */
    private Function<Note, Parts> byNote(List<Note> notes, Parts[] parts) {
        Map<Note, Parts> byNote = new IdentityHashMap<>(parts.length * 2);
        for (int i = 0; i < parts.length; i++) {
            byNote.put(notes.get(i), parts[i]);
        }
        return n -> {
            Parts p = byNote.get(n);
            return p != null ? p : write(factory, n);
        };
    }

    /**
     * What {@code write} makes of this list's notes (by {@link #of}), made once and kept with the notes'
     * parts for later answers that get the same list: for an answer that depends on nothing but the list.
     */
    byte[] whole(List<Note> notes, Function<Function<Note, Parts>, byte[]> write) {
        if (notes.isEmpty()) {
            return write.apply(of(notes));
        }
        Kept held = kept(notes);
        byte[] bytes = held.whole().get();
        if (bytes == null) {
            bytes = write.apply(byNote(notes, held.parts()));
            held.whole().set(bytes);
        }
        return bytes;
    }

    /** This list's parts: kept, or written now and kept. */
    private Kept kept(List<Note> notes) {
        Note first = notes.getFirst();
        synchronized (kept) {
            Kept held = kept.get(first);
            if (held != null && held.notes().get() == notes) {
                return held;
            }
        }
        Parts[] parts = new Parts[notes.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = write(factory, notes.get(i));
        }
        Kept now = new Kept(new WeakReference<>(notes), parts, new AtomicReference<>());
        synchronized (kept) {
            // Removed first, so the key is this list's note: an equal note of a list gone would keep the old one.
            kept.remove(first);
            kept.put(first, now);
        }
        return now;
    }

    /** How many lists' parts are kept now (some may be of lists already gone, until the next collection). */
    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    /** Writes the note as {@link NoteJson#note} with {@code isUpdated} after it, and splits it around the flags. */
    static Parts write(JsonFactory factory, Note note) {
        Map<String, Object> fields = NoteJson.note(note, false);
        fields.put("isUpdated", false);
        String json = NoteJson.write(factory, fields);
        // Every quote inside a value is escaped, so the field names found here are the note's own fields.
        int flags = json.lastIndexOf(FLAGS_FROM);
        if (flags < 0 || !json.endsWith(IS_UPDATED_END)) {
            throw new IllegalStateException(
                    "a note's JSON does not end with its flags: isNew, syncState ... isUpdated");
        }
        String head = json.substring(0, flags + IS_NEW.length());
        String tail = json.substring(flags + IS_NEW.length() + "false".length(), json.length() - "false}".length());
        return new Parts(new SerializedString(head), new SerializedString(tail));
    }
}
