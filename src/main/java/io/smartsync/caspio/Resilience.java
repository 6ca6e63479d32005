package io.smartsync.caspio;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retry, circuit breaker and rate limit around every Caspio call, built on Failsafe. Only failures that
 * were certainly not applied ({@link CaspioException.Kind#TRANSIENT}) are retried; an ambiguous write is
 * handed back to the caller at once. Thread-safe.
 */
final class Resilience {
    private static final Logger log = LoggerFactory.getLogger(Resilience.class);

    private final CaspioPolicy policy;
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> executor;
    private final Random jitter;
    private volatile Consumer<Duration> retryListener = d -> {};

    Resilience(CaspioPolicy policy, Consumer<Boolean> onlineListener) {
        this.policy = policy;
        this.jitter = new Random(policy.seed());
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(e -> e instanceof CaspioException c && c.kind() == CaspioException.Kind.TRANSIENT)
                .withMaxRetries(policy.maxRetryAttempts())
                .withMaxDuration(policy.callTimeout())
                .withDelayFn(ctx -> delayBefore(ctx.getAttemptCount(), ctx.getLastException()))
                .onRetryScheduled(e -> retryListener.accept(e.getDelay()))
                .build();
        this.breaker = CircuitBreaker.builder()
                .handleIf(e -> e instanceof CaspioException c && c.kind() != CaspioException.Kind.PERMANENT)
                .withFailureThreshold(policy.breakerFailures())
                .withDelay(policy.breakerDelay())
                .onOpen(e -> {
                    log.warn("Caspio keeps failing: circuit breaker open, calls paused for {}", policy.breakerDelay());
                    onlineListener.accept(false);
                })
                .onHalfOpen(e -> log.info("circuit breaker half-open: trying one call to Caspio"))
                .onClose(e -> {
                    log.info("Caspio answers again: circuit breaker closed");
                    onlineListener.accept(true);
                })
                .build();
        List<Policy<Object>> policies = new ArrayList<>(List.of(retry, breaker));
        if (policy.callsPerSecond() > 0) {
            policies.add(RateLimiter.smoothBuilder(policy.callsPerSecond(), Duration.ofSeconds(1))
                    .withMaxWaitTime(policy.callTimeout())
                    .build());
        }
        this.executor = Failsafe.with(policies);
    }

    /**
     * Full jitter: a random wait between zero and the exponential step, so many clients that failed
     * together do not come back together. A {@code Retry-After} from Caspio wins when it is given.
     */
    private Duration delayBefore(int attempts, Throwable last) {
        if (last instanceof CaspioException c && c.retryAfter().isPresent()) {
            Duration asked = c.retryAfter().get();
            return asked.compareTo(policy.maxRetryDelay()) > 0 ? policy.maxRetryDelay() : asked;
        }
        long base = policy.retryDelay().toMillis();
        long step = Math.min(policy.maxRetryDelay().toMillis(), base << Math.min(20, Math.max(0, attempts - 1)));
        synchronized (jitter) {
            return Duration.ofMillis((long) (jitter.nextDouble() * step));
        }
    }

    @SuppressWarnings("unchecked")
    <T> T call(String what, CheckedSupplier<T> work) {
        try {
            return (T) executor.get((CheckedSupplier<Object>) work);
        } catch (CircuitBreakerOpenException e) {
            throw CaspioException.noAnswer(
                    CaspioException.Kind.TRANSIENT,
                    what + ": not sent, Caspio's circuit breaker is open (retrying in "
                            + breaker.getRemainingDelay().toMillis() + " ms)",
                    e);
        } catch (RateLimitExceededException e) {
            throw CaspioException.noAnswer(
                    CaspioException.Kind.TRANSIENT, what + ": not sent, client rate limit reached", e);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                // Interrupted between attempts (the service is stopping): not sent again, like an interrupted call.
                Thread.currentThread().interrupt();
                throw CaspioException.noAnswer(CaspioException.Kind.TRANSIENT, what + ": interrupted", e);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    boolean breakerOpen() {
        return breaker.isOpen();
    }

    /** How long calls stay refused by the open breaker; zero when one may be sent (closed, half-open, due). */
    Duration pausedFor() {
        return breaker.isOpen() ? breaker.getRemainingDelay() : Duration.ZERO;
    }

    /** {@code closed}, {@code open} or {@code half-open}. */
    String breakerState() {
        return switch (breaker.getState()) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "half-open";
        };
    }

    /** Tests and the benchmark watch the delays scheduled between retries. */
    void onRetryScheduled(Consumer<Duration> listener) {
        this.retryListener = listener;
    }
}
