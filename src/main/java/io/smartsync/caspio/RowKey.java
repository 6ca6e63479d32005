package io.smartsync.caspio;

import io.smartsync.note.MemberId;
import io.smartsync.note.Position;

/**
 * What a keys-only read tells of a row of the notes table: its member and its place in (update stamp,
 * {@code PK_ID}) order, at about a tenth of a full row's bytes.
 */
public record RowKey(MemberId member, Position position) {
    public long pk() {
        return position.pk();
    }
}
