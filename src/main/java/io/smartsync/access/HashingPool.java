package io.smartsync.access;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The few threads that may hash passwords at once, with a short queue. Argon2 takes the CPU by design: a
 * flood of sign-ins must not take it from the rest of the API, so when the pool and its queue are full a
 * sign-in is refused at once ({@link Busy}) instead of waiting. Thread-safe; closed once.
 */
public final class HashingPool implements AutoCloseable {
    /** Every hashing thread is busy and the queue is full. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("sign-ins are busy; try again in a moment");
        }
    }

    private final ThreadPoolExecutor executor;
    /**
     * Sign-ins let in: hashing or waiting for a thread. Counted here, not by the executor's queue: a
     * thread that has just finished is not yet back waiting for work, so an executor with no queue refused
     * the next sign-in although nothing was hashing (SignInLimitsTest failed so in CI, a 429 where 401 was due).
     */
    private final Semaphore admitted;

    public HashingPool(int threads, int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException(
                    "the hashing pool needs at least 1 thread and a queue of 0 or more, was " + threads + "/" + queue);
        }
        executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("smartsync-password-hash-", 0).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
        admitted = new Semaphore(threads + queue);
    }

    /**
     * Runs {@code work} on the pool and waits for it.
     *
     * @throws Busy when the pool and its queue are full
     */
    public <T> T run(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw new Busy();
        }
        try {
            Future<T> f;
            try {
                f = executor.submit(work::get);
            } catch (RejectedExecutionException e) {
                throw new Busy();
            }
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new Busy();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } finally {
            admitted.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
