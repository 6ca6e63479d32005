package io.smartsync.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HashingPoolTest {

    @Test
    void sign_ins_one_after_another_on_a_pool_without_a_queue_are_never_refused() {
        try (HashingPool pool = new HashingPool(1, 0)) {
            int answered = 0;
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                answered += pool.run(() -> n) == n ? 1 : 0;
            }
            assertThat(answered).isEqualTo(2_000);
        }
    }

    @Test
    void a_sign_in_beyond_the_threads_and_the_queue_is_refused_at_once() throws Exception {
        try (HashingPool pool = new HashingPool(1, 0)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> occupant = CompletableFuture.supplyAsync(() -> pool.run(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }));
            started.await();

            assertThatThrownBy(() -> pool.run(() -> 2)).isInstanceOf(HashingPool.Busy.class);

            release.countDown();
            assertThat(occupant.join()).isEqualTo(1);
            assertThat(pool.run(() -> 3)).isEqualTo(3);
        }
    }
}
