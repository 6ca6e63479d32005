package io.smartsync.store;

import java.time.Instant;

/**
 * Failed sign-ins of one user id (as typed) from one client address since the last success.
 *
 * @param blockedUntil no sign-in of the pair is tried before this instant
 * @param locked the block is a lockout (an admin may lift it), not one of the growing delays
 */
public record SignInFailure(
        String userId, String address, int failures, Instant lastFailureAt, Instant blockedUntil, boolean locked) {}
