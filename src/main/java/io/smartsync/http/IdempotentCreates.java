package io.smartsync.http;

import io.javalin.http.Context;
import io.smartsync.access.IdempotencyKeys;
import io.smartsync.access.Principal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creates, as the IETF draft (draft-ietf-httpapi-idempotency-key-header) has
 * it: the first request with a key is carried out and its answer kept for a day; a repeat with the same
 * body gets that answer again and writes nothing; the same key with another body gets 422. A key is the
 * caller's own (keys of different callers never meet). The key's note id is chosen when the key is first
 * seen, so a repeat that arrives while the first is still running, or after a crash, creates the same
 * note, which the store holds once. Thread-safe.
 */
final class IdempotentCreates {
    static final String HEADER = "Idempotency-Key";

    /** The draft's key is a structured-field string; printable ASCII, quoted or not. */
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** What a create answers: its status and its JSON text. */
    record Answer(int status, String json) {}

    private final IdempotencyKeys keys;

    IdempotentCreates(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Runs {@code create} for the note id the request should get, or answers what the key's first request
     * answered.
     */
    Answer handle(Context ctx, Principal who, String bodyNoteId, Function<String, Answer> create) {
        String noteId = bodyNoteId == null ? UUID.randomUUID().toString() : noteId(bodyNoteId);
        Optional<String> key = key(ctx);
        if (key.isEmpty()) {
            return create.apply(noteId);
        }
        IdempotencyKeys.Held held = keys.reserve(who.userId(), key.get(), fingerprint(ctx.bodyAsBytes()), noteId);
        if (!held.fingerprint().equals(fingerprint(ctx.bodyAsBytes()))) {
            throw new ApiException(
                    422, "idempotency_key_reused", "this Idempotency-Key was used with a different request body");
        }
        if (held.answered()) {
            ctx.header("Idempotent-Replayed", "true");
            return new Answer(held.status(), held.answer());
        }
        Answer answer;
        try {
            answer = create.apply(held.noteId());
        } catch (RuntimeException e) {
            keys.release(who.userId(), key.get());
            throw e;
        }
        IdempotencyKeys.Held kept = keys.answer(who.userId(), key.get(), answer.status(), answer.json());
        return new Answer(kept.status(), kept.answer());
    }

    private static Optional<String> key(Context ctx) {
        String raw = ctx.header(HEADER);
        if (raw == null) {
            return Optional.empty();
        }
        String key = raw.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest(HEADER + " must be 1-255 printable characters, e.g. a UUID");
        }
        return Optional.of(key);
    }

    /** A client's own note id must be a UUID, as the ids made here are (never {@code caspio_…}). */
    static String noteId(String raw) {
        if (!UUID_TEXT.matcher(raw).matches()) {
            throw ApiException.badRequest("noteId must be a UUID such as 3f0c2a9e-5b7d-4c1e-9a2f-8d6b4e1c7a05");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
