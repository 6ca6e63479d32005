package io.smartsync.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.emulator.MutableClock;
import io.smartsync.store.AccessRecords;
import io.smartsync.store.Store;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.store.UserRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys, users, sessions and retention on a real SQLite store and a real PostgreSQL schema. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class AccessTest {
    @TempDir
    Path dir;

    @Parameter
    StoreKind kind;

    TestDatabase db;
    Store store;
    AccessRecords records;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind, dir);
        store = db.open(clock);
        records = store.access();
    }

    @AfterEach
    void close() {
        TestDatabase.closeAll(store, db);
    }

    @Test
    void a_password_is_stored_only_as_an_argon2id_hash_and_checked_against_it() {
        Users users = new Users(records, clock);
        users.create("nurse.kim", "Kim Nurse", Role.STAFF, "correct horse battery".toCharArray());

        UserRecord stored = records.user("nurse.kim").orElseThrow();
        assertThat(stored.passwordHash())
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain("correct");
        assertThat(users.authenticate("nurse.kim", "correct horse battery".toCharArray()))
                .map(Principal::fullName)
                .contains("Kim Nurse");
        assertThat(users.authenticate("nurse.kim", "correct horse batterY".toCharArray()))
                .isEmpty();
        assertThat(users.authenticate("nobody", "correct horse battery".toCharArray()))
                .isEmpty();
    }

    @Test
    void short_passwords_odd_user_ids_and_taken_ids_are_refused() {
        Users users = new Users(records, clock);
        assertThatThrownBy(() -> users.create("kim", "Kim", Role.STAFF, "short".toCharArray()))
                .hasMessageContaining("12 to 256 characters");
        assertThatThrownBy(() -> users.create("kim o'neil", "Kim", Role.STAFF, "long enough pass".toCharArray()))
                .hasMessageContaining("user id");
        users.create("kim", "Kim", Role.STAFF, "long enough pass".toCharArray());
        assertThatThrownBy(() -> users.create("kim", "Kim", Role.ADMIN, "long enough pass".toCharArray()))
                .hasMessageContaining("already a user kim");
    }

    @Test
    void a_session_ends_after_idle_time_after_its_maximum_age_and_at_sign_out() {
        Users users = new Users(records, clock);
        users.create("kim", "Kim", Role.STAFF, "long enough pass".toCharArray());
        Sessions sessions = new Sessions(records, clock, Duration.ofMinutes(30), Duration.ofHours(2));
        Principal kim =
                users.authenticate("kim", "long enough pass".toCharArray()).orElseThrow();

        Sessions.Opened idle = sessions.open(kim);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(idle.token())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(idle.token())).as("used 29 min ago").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.resolve(idle.token())).as("idle 31 min").isEmpty();

        Sessions.Opened busy = sessions.open(kim);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(sessions.resolve(busy.token()))
                    .as("used every 25 min, %d min old", 25 * (i + 1))
                    .isPresent();
        }
        clock.advance(Duration.ofMinutes(25));
        assertThat(sessions.resolve(busy.token())).as("past its 2 h").isEmpty();

        Sessions.Opened closed = sessions.open(kim);
        assertThat(sessions.resolve(closed.token()).orElseThrow().csrfMatches(closed.csrfToken()))
                .isTrue();
        assertThat(sessions.resolve(closed.token()).orElseThrow().csrfMatches("forged"))
                .isFalse();
        sessions.close(closed.token());
        assertThat(sessions.resolve(closed.token())).isEmpty();
    }

    @Test
    void a_revoked_key_stops_working_and_lists_show_no_secrets() {
        ApiKeys keys = new ApiKeys(records, clock);
        ApiKeys.IssuedKey key = keys.issue("etl-job", "Nightly export", Role.STAFF);
        assertThat(keys.authenticate(key.key())).isPresent();
        assertThat(keys.list())
                .singleElement()
                .satisfies(k -> assertThat(k.toString()).doesNotContain(key.key()));

        assertThat(keys.revoke(key.id())).isTrue();
        assertThat(keys.revoke(key.id())).isFalse();
        assertThat(keys.authenticate(key.key())).isEmpty();
        assertThat(keys.list().getFirst().revokedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_key_revoked_by_another_process_is_refused_once_the_recheck_time_has_passed() {
        ApiKeys service = new ApiKeys(records, clock);
        ApiKeys.IssuedKey key = service.issue("etl-job", "Nightly export", Role.STAFF);
        assertThat(service.authenticate(key.key())).isPresent();

        // The keys command runs in a process of its own, with its own ApiKeys.
        assertThat(new ApiKeys(records, clock).revoke(key.id())).isTrue();
        clock.advance(ApiKeys.RECHECK_AFTER.minusMillis(1));
        assertThat(service.authenticate(key.key())).isPresent();
        clock.advance(Duration.ofMillis(1));

        assertThat(service.authenticate(key.key())).isEmpty();
    }

    @Test
    void retention_purges_audit_lines_older_than_the_period() {
        AuditLog audit = new AuditLog(records, clock);
        audit.record("kim", "notes.read", "CL000001", null, "ok");
        clock.advance(Duration.ofDays(40));
        audit.record("kim", "notes.read", "CL000002", null, "ok");

        new Retention(records, clock, Duration.ofDays(30)).run();

        assertThat(audit.find(new AuditFilter(null, null, null, null, null, null, 10)))
                .extracting(AuditEntry::clientId2)
                .containsExactly("CL000002");
    }
}
