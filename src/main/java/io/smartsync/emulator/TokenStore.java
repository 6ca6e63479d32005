package io.smartsync.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Access tokens issued by the emulator, kept in memory and expired by the injected clock. Tokens are
 * random regardless of the data seed: tests must not be able to guess them either. The
 * {@code tokenExpiry} fault and {@link #revokeAll()} end tokens early without changing what
 * {@code expires_in} promised. Thread-safe.
 */
final class TokenStore {

    record Issued(String accessToken, String refreshToken, long expiresInSeconds) {}

    enum Check {
        VALID,
        UNKNOWN,
        EXPIRED,
        /** Refused by a fault: {@code tokenExpiry} or {@code expireTokens()}. */
        CUT_SHORT
    }

    private record Token(Instant issued, Instant expires, long generation) {}

    private final Clock clock;
    private final Duration lifetime;
    private final Supplier<Duration> faultExpiry;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** {@code faultExpiry} answers the current {@code tokenExpiry} fault, or null for none. */
    TokenStore(Clock clock, Duration lifetime, Supplier<Duration> faultExpiry) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.faultExpiry = faultExpiry;
    }

    Issued issue() {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> !now.isBefore(t.expires()));
        String token = randomToken();
        tokens.put(token, new Token(now, now.plus(lifetime), generation.get()));
        long expiresIn =
                Math.max(0, lifetime.minus(CaspioRules.EXPIRES_IN_MARGIN).toSeconds());
        return new Issued(token, randomToken(), expiresIn);
    }

    Check check(String token) {
        Token t = tokens.get(token);
        if (t == null) {
            return Check.UNKNOWN;
        }
        Instant now = clock.instant();
        if (!now.isBefore(t.expires())) {
            return Check.EXPIRED;
        }
        Duration cut = faultExpiry.get();
        if (t.generation() != generation.get()
                || (cut != null && !now.isBefore(t.issued().plus(cut)))) {
            return Check.CUT_SHORT;
        }
        return Check.VALID;
    }

    /** Every token issued so far stops working now; new ones work as usual. */
    void revokeAll() {
        generation.incrementAndGet();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
