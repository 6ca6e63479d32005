package io.smartsync.cli.soak;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the workload did and what it was told: the creates the service accepted, every text it wrote, and
 * every note deleted on either side. The comparison judges the stores against it. Not thread-safe.
 */
final class Ledger {
    /** A create the service accepted (201), by its note id. */
    record Accepted(String member, String comments) {}

    final Map<String, Accepted> accepted = new HashMap<>();
    /** Every text written through the service, creates and edits: each is unique to its write. */
    final Set<String> appTexts = new HashSet<>();
    /** Notes deleted through the service (answered 200) or in Caspio, by note id. */
    final Set<String> deleted = new HashSet<>();
    /** Notes deleted through the service: the workload no longer edits their rows in Caspio. */
    final Set<String> deletedByApp = new HashSet<>();

    int ops;
    int kills;
    int caspioWrites;
    int serverErrors;
    /** Caspio edits left out because the row was stamped in the same second (a documented limit). */
    int sameSecondEditsSkipped;
    /**
     * Caspio deletes left out because the service had neither an answer to the note's create nor a read that
     * saw its row: deleted then, the create's retry cannot tell the row from one that never landed and makes
     * it again (a documented limit, as for any client of an API without a record of deleted rows).
     */
    int unseenDeletesSkipped;
}
