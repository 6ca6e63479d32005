package io.smartsync.emulator;

/**
 * Which notes table a new emulator database gets. The shape matters only when the database is created:
 * an existing database keeps the fields stored in it, including fields added later through the API.
 */
public enum TableShape {
    /** This project's table: {@code Client_ID2} is text ({@code CL000001}…), plus {@code Last_Modified} and {@code Sync_ID}. */
    SYNC_READY,
    /**
     * The original app's table: no {@code Last_Modified}, no {@code Sync_ID}, and {@code Client_ID2} is a
     * NUMBER field with one numeric id per member ({@code 100001}, {@code 100002}, …).
     */
    ORIGINAL
}
