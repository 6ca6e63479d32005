package io.smartsync.emulator;

import java.util.List;

/**
 * The record writes an emulator has seen since it started or since {@link CaspioEmulator#resetWrites()}: a
 * snapshot, taken by {@link CaspioEmulator#writes()}.
 *
 * @param inFlight writes arrived and not yet answered
 * @param maxInFlight the most writes ever in flight at once
 * @param done the writes answered (or cut), in the order they ended
 */
public record EmulatorWrites(int inFlight, int maxInFlight, List<Write> done) {

    public EmulatorWrites {
        done = List.copyOf(done);
    }

    /**
     * One write. {@code began} and {@code ended} are on one sequence shared by all writes: write A ended
     * before write B began exactly when {@code A.ended() < B.began()}.
     *
     * @param kind create, update or delete
     * @param syncId the {@code Sync_ID} of a create's body; null otherwise
     * @param where the {@code q.where} of an update or delete; null for a create
     * @param status the HTTP status answered; 0 when the connection was cut without one
     */
    public record Write(EmulatorStats.Kind kind, String syncId, String where, long began, long ended, int status) {}
}
