package io.smartsync.store;

import java.time.Instant;

/**
 * One recorded sync run: what kind, for which member (null for table-wide runs), what it cost in Caspio
 * calls and what it brought in.
 */
public record SyncRun(
        Instant startedAt,
        long durationMs,
        String kind,
        String clientId2,
        int requests,
        long bytesIn,
        long bytesOut,
        int rowsRead,
        int newNotes,
        int updatedNotes,
        String outcome) {}
