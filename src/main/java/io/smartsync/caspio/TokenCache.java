package io.smartsync.caspio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Holds the current access token and renews it shortly before it expires. Safe for use from many
 * threads: one renewal at a time, readers see the newest token.
 */
final class TokenCache {
    /** Renew this long before expiry so a call never starts with a token about to lapse. */
    private static final Duration EARLY = Duration.ofSeconds(60);

    record Token(String value, Instant expiresAt) {}

    private final Supplier<Token> fetch;
    private final Clock clock;
    private Token current;

    TokenCache(Supplier<Token> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    synchronized String get() {
        if (current == null || !clock.instant().isBefore(current.expiresAt().minus(EARLY))) {
            current = fetch.get();
        }
        return current.value();
    }

    /** Drops {@code rejected} so the next {@link #get()} fetches a new token (unless another thread did). */
    synchronized void invalidate(String rejected) {
        if (current != null && current.value().equals(rejected)) {
            current = null;
        }
    }
}
