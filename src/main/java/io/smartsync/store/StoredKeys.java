package io.smartsync.store;

/**
 * A member's notes that are live here and have a Caspio row.
 *
 * @param count how many
 * @param maxPk the highest {@code PK_ID} among them, 0 when there are none
 */
public record StoredKeys(long count, long maxPk) {}
