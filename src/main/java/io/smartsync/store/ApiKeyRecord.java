package io.smartsync.store;

import java.time.Instant;

/** A stored API key: only its hash is kept, never the key. */
public record ApiKeyRecord(
        String id,
        String keyHash,
        String ownerId,
        String ownerName,
        String role,
        Instant createdAt,
        Instant revokedAt) {}
