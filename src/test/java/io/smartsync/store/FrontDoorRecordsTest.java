package io.smartsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The front door's records on a real SQLite file and on a real PostgreSQL schema. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class FrontDoorRecordsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store store;
    FrontDoorRecords records;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind, dir);
        store = db.open(Clock.fixed(NOW, ZoneOffset.UTC));
        records = store.access().frontDoor();
    }

    @AfterEach
    void close() {
        TestDatabase.closeAll(store, db);
    }

    private SignInFailure fail(String user, String address, Instant at) {
        return records.recordSignInFailure(
                user,
                address,
                at,
                at.minus(Duration.ofHours(1)),
                f -> new SignInFailure(
                        f.userId(),
                        f.address(),
                        f.failures(),
                        f.lastFailureAt(),
                        at.plusSeconds(f.failures()),
                        f.failures() >= 3));
    }

    @Test
    void failures_of_a_pair_count_up_even_at_once_and_a_success_or_an_unlock_clears_them() throws Exception {
        List<Future<SignInFailure>> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> fail("kim", "203.0.113.1", NOW)));
            }
        }
        assertThat(records.signInFailure("kim", "203.0.113.1").orElseThrow().failures())
                .isEqualTo(8);
        fail("kim", "198.51.100.2", NOW);
        assertThat(records.blockedSignIns(NOW, 10))
                .extracting(SignInFailure::address)
                .containsExactly("203.0.113.1", "198.51.100.2");

        records.clearSignInFailures("kim", "198.51.100.2");
        assertThat(records.signInFailure("kim", "198.51.100.2")).isEmpty();
        assertThat(records.unlockSignIns("kim", null)).isEqualTo(1);
        assertThat(records.blockedSignIns(NOW, 10)).isEmpty();
    }

    @Test
    void old_failures_are_forgotten_when_a_new_one_is_counted() {
        fail("old", "203.0.113.9", NOW.minus(Duration.ofHours(3)));
        fail("new", "203.0.113.9", NOW);
        assertThat(records.signInFailure("old", "203.0.113.9")).isEmpty();
    }

    @Test
    void an_idempotency_key_is_held_once_keeps_its_first_answer_and_can_be_released() {
        IdempotencyRecord first = records.reserveIdempotencyKey(
                new IdempotencyRecord("kim", "k1", "fp1", "note-1", null, null, NOW), NOW.minus(Duration.ofDays(1)));
        IdempotencyRecord again = records.reserveIdempotencyKey(
                new IdempotencyRecord("kim", "k1", "fp2", "note-2", null, null, NOW), NOW.minus(Duration.ofDays(1)));
        assertThat(again.noteId()).isEqualTo("note-1");
        assertThat(again.fingerprint()).isEqualTo("fp1");
        assertThat(again.answered()).isFalse();

        assertThat(records.answerIdempotencyKey("kim", "k1", 201, "{\"first\":1}")
                        .answer())
                .isEqualTo("{\"first\":1}");
        assertThat(records.answerIdempotencyKey("kim", "k1", 201, "{\"second\":1}")
                        .answer())
                .isEqualTo("{\"first\":1}");
        records.releaseIdempotencyKey("kim", "k1"); // answered keys stay
        assertThat(first.noteId()).isEqualTo("note-1");
        assertThat(records.reserveIdempotencyKey(
                                new IdempotencyRecord("kim", "k1", "fp3", "note-3", null, null, NOW),
                                NOW.minus(Duration.ofDays(1)))
                        .status())
                .isEqualTo(201);

        records.reserveIdempotencyKey(
                new IdempotencyRecord("kim", "k2", "fp", "note-4", null, null, NOW), NOW.minus(Duration.ofDays(1)));
        records.releaseIdempotencyKey("kim", "k2");
        assertThat(records.reserveIdempotencyKey(
                                new IdempotencyRecord("kim", "k2", "fp", "note-5", null, null, NOW),
                                NOW.minus(Duration.ofDays(1)))
                        .noteId())
                .isEqualTo("note-5");
    }

    @Test
    void a_webhook_message_id_is_new_once_until_it_is_forgotten() {
        assertThat(records.rememberWebhookMessage("m1", NOW, NOW.minusSeconds(600)))
                .isTrue();
        assertThat(records.rememberWebhookMessage("m1", NOW, NOW.minusSeconds(600)))
                .isFalse();
        assertThat(records.rememberWebhookMessage("m1", NOW.plusSeconds(900), NOW.plusSeconds(300)))
                .isTrue();
    }
}
