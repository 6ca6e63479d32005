package io.smartsync.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What applying rows pulled from Caspio changed locally.
 *
 * @param insertedIds the notes that were not stored before (or only as a tombstone)
 */
public record PullResult(List<String> insertedIds, int updated) {
    public static final PullResult NONE = new PullResult(List.of(), 0);

    public PullResult {
        insertedIds = List.copyOf(insertedIds);
    }

    public int inserted() {
        return insertedIds.size();
    }

    public PullResult plus(PullResult other) {
        List<String> ids = new ArrayList<>(insertedIds);
        ids.addAll(other.insertedIds);
        return new PullResult(ids, updated + other.updated);
    }
}
