package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.note.MemberId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The per-member locks of member syncs: one member at a time, others free, nothing kept afterwards. */
class MemberLocksTest {
    private static final MemberId A = MemberId.of("CL000001");
    private static final MemberId B = MemberId.of("CL000002");

    private final MemberLocks locks = new MemberLocks();

    @Test
    void a_second_sync_of_the_same_member_waits_and_the_lock_is_gone_once_both_leave() {
        AtomicBoolean secondIn = new AtomicBoolean();
        MemberLocks.Held first = locks.hold(A);
        Thread second = Thread.ofPlatform().start(() -> {
            MemberLocks.Held held = locks.hold(A);
            secondIn.set(true);
            held.close();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> second.getState() == Thread.State.WAITING);
        assertThat(secondIn)
                .as("the second holder got in while the first held the lock")
                .isFalse();
        assertThat(locks.size()).isEqualTo(1);
        first.close();
        await().atMost(Duration.ofSeconds(5)).untilTrue(secondIn);
        await().atMost(Duration.ofSeconds(5)).until(() -> !second.isAlive());
        assertThat(locks.size())
                .as("members with a lock after every sync ended")
                .isZero();
    }

    @Test
    void another_member_is_not_held_up() {
        MemberLocks.Held a = locks.hold(A);
        boolean bIn = CompletableFuture.supplyAsync(() -> {
                    locks.hold(B).close();
                    return true;
                })
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        assertThat(bIn).isTrue();
        assertThat(locks.size()).isEqualTo(1);
        a.close();
        assertThat(locks.size()).isZero();
    }
}
