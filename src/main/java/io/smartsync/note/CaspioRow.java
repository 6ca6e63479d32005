package io.smartsync.note;

import java.time.Instant;

/**
 * Which Caspio row holds a note and how Caspio last stamped it: {@link #NONE} while the note has never
 * reached Caspio.
 *
 * @param pkId Caspio's {@code PK_ID}, or null while the note has never reached Caspio
 * @param lastModified Caspio's update stamp as an instant, or null when never edited there
 * @param stamp the update stamp exactly as Caspio returned it; cursors and conditional writes compare
 *     only these, never the local clock
 */
public record CaspioRow(Long pkId, Instant lastModified, String stamp) {
    /** A note not in Caspio yet. */
    public static final CaspioRow NONE = new CaspioRow(null, null, null);
}
