package io.smartsync.store;

import io.smartsync.note.MemberId;

/**
 * How far a table-wide pass has read one member's rows: the last (stamp, {@code PK_ID}) of the member it
 * saw, both values Caspio wrote.
 */
public record MemberCursor(MemberId member, String stamp, long pk) {}
