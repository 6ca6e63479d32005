package io.smartsync.access;

import io.smartsync.store.FrontDoorRecords;
import io.smartsync.store.SignInFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limits sign-in guesses per (user id, client address): a few failures are free, then each one makes the
 * pair wait longer (doubling up to a cap), and past a threshold the pair is locked out for a while. Only
 * that pair: the same user from another address signs in as usual, so a stranger cannot lock staff out.
 * Kept in the store, so every instance counts the same failures. Thread-safe.
 */
public final class SignInLimits {
    /**
     * @param freeFailures failures of a pair before the first delay
     * @param firstDelay the first delay; each further failure doubles it
     * @param maxDelay the longest delay
     * @param lockoutFailures failures of a pair that lock it out
     * @param lockout how long a lockout lasts (an admin may lift it sooner)
     */
    public record Policy(
            int freeFailures, Duration firstDelay, Duration maxDelay, int lockoutFailures, Duration lockout) {
        public Policy {
            if (freeFailures < 0) {
                throw new IllegalArgumentException("free failures must be 0 or more, was " + freeFailures);
            }
            if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("the first delay must be 0 or more and at most the longest delay");
            }
            if (lockoutFailures <= freeFailures) {
                throw new IllegalArgumentException(
                        "the failures that lock a pair out must be more than the free failures (" + freeFailures + ")");
            }
            if (lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("a lockout must last a positive time");
            }
        }

        /** 3 free failures, then 1 s doubling up to 1 min; 10 failures lock the pair out for 15 min. */
        public static Policy defaults() {
            return new Policy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 10, Duration.ofMinutes(15));
        }

        SignInFailure apply(SignInFailure f, Instant now) {
            if (f.failures() >= lockoutFailures) {
                return withBlock(f, now.plus(lockout), true);
            }
            if (f.failures() <= freeFailures) {
                return withBlock(f, Instant.EPOCH, false);
            }
            int doublings = Math.min(30, f.failures() - freeFailures - 1);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return withBlock(f, now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay), false);
        }

        private static SignInFailure withBlock(SignInFailure f, Instant until, boolean locked) {
            return new SignInFailure(f.userId(), f.address(), f.failures(), f.lastFailureAt(), until, locked);
        }
    }

    private final FrontDoorRecords records;
    private final Policy policy;
    private final Clock clock;

    public SignInLimits(FrontDoorRecords records, Policy policy, Clock clock) {
        this.records = records;
        this.policy = policy;
        this.clock = clock;
    }

    /** The pair's block, when it may not try now. */
    public Optional<SignInBlock> blocked(String userId, String address) {
        Instant now = clock.instant();
        return records.signInFailure(userId, address)
                .filter(f -> f.blockedUntil().isAfter(now))
                .map(SignInLimits::block);
    }

    /** Counts a failure of the pair; answers its block from now on. */
    public SignInBlock failed(String userId, String address) {
        Instant now = clock.instant();
        Duration keep = policy.lockout().compareTo(policy.maxDelay()) > 0 ? policy.lockout() : policy.maxDelay();
        return block(records.recordSignInFailure(userId, address, now, now.minus(keep), f -> policy.apply(f, now)));
    }

    private static SignInBlock block(SignInFailure f) {
        return new SignInBlock(f.userId(), f.address(), f.failures(), f.blockedUntil(), f.locked());
    }

    public void succeeded(String userId, String address) {
        records.clearSignInFailures(userId, address);
    }

    /** The pairs blocked now, lockouts first. */
    public List<SignInBlock> blocked(int limit) {
        return records.blockedSignIns(clock.instant(), limit).stream()
                .map(SignInLimits::block)
                .toList();
    }

    /** Lifts the user's blocks from {@code address}, or from every address when it is null. */
    public int unlock(String userId, String address) {
        return records.unlockSignIns(userId, address);
    }

    /** Whole seconds until the block ends, at least 1 (for {@code Retry-After}). */
    public long secondsLeft(SignInBlock f) {
        long ms = Duration.between(clock.instant(), f.blockedUntil()).toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
