package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.ApiKeyRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks API keys. A key is 256 random bits, shown once when issued; only its
 * SHA-256 is stored, which is enough for a secret of that strength (no dictionary to attack). Thread-safe.
 */
public final class ApiKeys {
    private static final String PREFIX = "ssk_";

    private final AccessRecords records;
    private final Clock clock;

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

    /** A stored key as a list shows it: never the key itself. */
    public record KeyInfo(
            String id, String ownerId, String ownerName, Role role, Instant createdAt, Instant revokedAt) {}

    public IssuedKey issue(String ownerId, String ownerName, Role role) {
        return register(PREFIX + Secrets.token(), ownerId, ownerName, role);
    }

    /** Stores a key chosen by the operator (the demo's {@code --api-key}); it must be long enough to guess at. */
    public IssuedKey register(String key, String ownerId, String ownerName, Role role) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("an API key must be at least 16 characters");
        }
        Names.userId(ownerId);
        String id = UUID.randomUUID().toString();
        records.saveApiKey(new ApiKeyRecord(
                id, Secrets.sha256(key), ownerId, Names.fullName(ownerName), role.name(), clock.instant(), null));
        return new IssuedKey(id, key);
    }

    /** Registers {@code key} unless it is already known (an operator's key given at every start). */
    public IssuedKey ensure(String key, String ownerId, String ownerName, Role role) {
        return records.apiKeyByHash(Secrets.sha256(key))
                .map(k -> new IssuedKey(k.id(), key))
                .orElseGet(() -> register(key, ownerId, ownerName, role));
    }

    /** The principal a presented key belongs to, if the key is known and not revoked. */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        return records.apiKeyByHash(Secrets.sha256(presented.trim()))
                .filter(k -> k.revokedAt() == null)
                .map(k -> new Principal(k.ownerId(), k.ownerName(), Role.parse(k.role())));
    }

    public List<KeyInfo> list() {
        return records.apiKeys().stream()
                .map(k -> new KeyInfo(
                        k.id(), k.ownerId(), k.ownerName(), Role.parse(k.role()), k.createdAt(), k.revokedAt()))
                .toList();
    }

    /** Revokes the key with this id; answers false when there is no such key or it was revoked already. */
    public boolean revoke(String id) {
        return records.revokeApiKey(id, clock.instant());
    }
}
