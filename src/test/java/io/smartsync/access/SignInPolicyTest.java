package io.smartsync.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.store.SignInFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The growing delays and the lockout of failed sign-ins, as a function of the failures counted. */
class SignInPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final SignInLimits.Policy POLICY =
            new SignInLimits.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 8, Duration.ofMinutes(15));

    private static SignInFailure after(int failures) {
        return POLICY.apply(new SignInFailure("u", "203.0.113.1", failures, NOW, Instant.EPOCH, false), NOW);
    }

    @Test
    void the_first_failures_are_free_then_each_doubles_the_wait_up_to_the_cap_then_the_pair_is_locked() {
        assertThat(after(3).blockedUntil()).isBefore(NOW);
        assertThat(after(4).blockedUntil()).isEqualTo(NOW.plusSeconds(1));
        assertThat(after(5).blockedUntil()).isEqualTo(NOW.plusSeconds(2));
        assertThat(after(6).blockedUntil()).isEqualTo(NOW.plusSeconds(4));
        assertThat(after(7).blockedUntil()).isEqualTo(NOW.plusSeconds(8));
        assertThat(after(7).locked()).isFalse();
        assertThat(after(8).locked()).isTrue();
        assertThat(after(8).blockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(after(500).locked()).isTrue();
    }

    @Test
    void a_long_run_of_failures_waits_the_cap_not_an_overflowed_time() {
        SignInLimits.Policy generous =
                new SignInLimits.Policy(0, Duration.ofSeconds(1), Duration.ofMinutes(1), 10_000, Duration.ofHours(1));
        SignInFailure f = generous.apply(new SignInFailure("u", "a", 9_000, NOW, Instant.EPOCH, false), NOW);
        assertThat(f.blockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void a_policy_that_could_never_lock_or_locks_before_any_delay_is_refused() {
        assertThatThrownBy(() -> new SignInLimits.Policy(5, Duration.ZERO, Duration.ZERO, 5, Duration.ofMinutes(1)))
                .hasMessageContaining("more than the free failures");
    }
}
