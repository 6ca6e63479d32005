package io.smartsync.caspio;

/**
 * A position in (update stamp, {@code PK_ID}) order. Rows strictly after it come next; a null stamp is
 * the start of the table.
 */
public record Keyset(String stamp, long pk) {
    public static final Keyset START = new Keyset(null, 0);

    /** Every row whose stamp is at or after {@code stamp} ({@code PK_ID} is always positive). */
    public static Keyset atOrAfter(String stamp) {
        return new Keyset(stamp, 0);
    }
}
