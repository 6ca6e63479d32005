package io.smartsync.store;

import io.smartsync.note.MemberSyncStatus;
import java.util.Optional;

/**
 * A member's status as its last sync left it and a table-wide cursor, read on one connection.
 *
 * @param status empty for a member never synced here
 * @param cursor empty before the cursor's first run
 */
public record StatusAndCursor(Optional<MemberSyncStatus> status, Optional<TableCursor> cursor) {}
