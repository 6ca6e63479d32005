package io.smartsync.access;

import java.time.Instant;

/**
 * The failed sign-ins of one (user id, client address) pair and the block they earned.
 *
 * @param locked the block is a lockout (an admin may lift it), not one of the growing delays
 */
public record SignInBlock(String userId, String address, int failures, Instant blockedUntil, boolean locked) {}
