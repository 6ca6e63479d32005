package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.ApiKeyRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks API keys. A key is 256 random bits, shown once when issued; only its SHA-256 is
 * stored, which is enough for a secret of that strength (no dictionary to attack). Thread-safe.
 */
public final class ApiKeys {
    private static final String PREFIX = "ssk_";

    private final AccessRecords records;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(AccessRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** A key issued now: {@code key} is the secret, to be shown once and never stored. */
    public record IssuedKey(String id, String key) {
        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", key=***]";
        }
    }

    public IssuedKey issue(String ownerId, String ownerName, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return register(
                PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), ownerId, ownerName, role);
    }

    /** Stores a key chosen by the operator (the demo's {@code --api-key}); it must be long enough to guess at. */
    public IssuedKey register(String key, String ownerId, String ownerName, Role role) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("an API key must be at least 16 characters");
        }
        String id = UUID.randomUUID().toString();
        records.saveApiKey(new ApiKeyRecord(id, hash(key), ownerId, ownerName, role.name(), clock.instant(), null));
        return new IssuedKey(id, key);
    }

    /** Registers {@code key} unless it is already known (an operator's key given at every start). */
    public IssuedKey ensure(String key, String ownerId, String ownerName, Role role) {
        return records.apiKeyByHash(hash(key))
                .map(k -> new IssuedKey(k.id(), key))
                .orElseGet(() -> register(key, ownerId, ownerName, role));
    }

    /** The principal a presented key belongs to, if the key is known and not revoked. */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        return records.apiKeyByHash(hash(presented.trim()))
                .filter(k -> k.revokedAt() == null)
                .map(k -> new Principal(k.ownerId(), k.ownerName(), Role.parse(k.role())));
    }

    static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
