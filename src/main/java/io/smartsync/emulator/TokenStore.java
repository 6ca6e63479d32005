package io.smartsync.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens issued by the emulator, kept in memory and expired by the injected clock. Tokens are
 * random regardless of the data seed: tests must not be able to guess them either. Thread-safe.
 */
final class TokenStore {

    record Issued(String accessToken, String refreshToken, long expiresInSeconds) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Issued issue() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = randomToken();
        expiries.put(token, now.plus(lifetime));
        long expiresIn =
                Math.max(0, lifetime.minus(CaspioRules.EXPIRES_IN_MARGIN).toSeconds());
        return new Issued(token, randomToken(), expiresIn);
    }

    boolean valid(String token) {
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
