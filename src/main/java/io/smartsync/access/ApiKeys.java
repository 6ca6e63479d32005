package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.ApiKeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, lists, revokes and checks API keys. A key is 256 random bits, shown once when issued; only its
 * SHA-256 is stored, which is enough for a secret of that strength (no dictionary to attack). A key
 * found valid is trusted for {@link #RECHECK_AFTER} before the store is asked again, so a busy caller's
 * requests do not each read the store: a key revoked by another process or instance is refused within
 * that time, one revoked here at once. Thread-safe.
 */
public final class ApiKeys {
    /** How long a key found valid is trusted without asking the store again. */
    public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private static final String PREFIX = "ssk_";
    /** Past this many remembered keys the memory starts over: it holds valid keys only, so this is generous. */
    private static final int REMEMBERED_MAX = 1_000;

    private final AccessRecords records;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(Principal principal, Instant at) {}

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
        Optional<IssuedKey> known = known(key);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return register(key, ownerId, ownerName, role);
        } catch (RuntimeException e) {
            // Instances started together on one database may register the same key at the same moment: the
            // one that lost finds the winner's row (the key's hash is unique), anything else goes on up.
            return known(key).orElseThrow(() -> e);
        }
    }

    private Optional<IssuedKey> known(String key) {
        return records.apiKeyByHash(Secrets.sha256(key)).map(k -> new IssuedKey(k.id(), key));
    }

    /** The principal a presented key belongs to, if the key is known and not revoked. */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(presented.trim());
        Instant now = clock.instant();
        Checked recent = checked.get(hash);
        if (recent != null && now.isBefore(recent.at().plus(RECHECK_AFTER))) {
            return Optional.of(recent.principal());
        }
        Optional<Principal> found = records.apiKeyByHash(hash)
                .filter(k -> k.revokedAt() == null)
                .map(k -> new Principal(k.ownerId(), k.ownerName(), Role.parse(k.role())));
        if (found.isPresent()) {
            if (checked.size() >= REMEMBERED_MAX) {
                checked.clear();
            }
            checked.put(hash, new Checked(found.get(), now));
        } else {
            checked.remove(hash);
        }
        return found;
    }

    public List<KeyInfo> list() {
        return records.apiKeys().stream()
                .map(k -> new KeyInfo(
                        k.id(), k.ownerId(), k.ownerName(), Role.parse(k.role()), k.createdAt(), k.revokedAt()))
                .toList();
    }

    /** Revokes the key with this id; answers false when there is no such key or it was revoked already. */
    public boolean revoke(String id) {
        boolean revoked = records.revokeApiKey(id, clock.instant());
        checked.clear();
        return revoked;
    }
}
