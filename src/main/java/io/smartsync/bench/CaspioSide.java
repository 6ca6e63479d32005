package io.smartsync.bench;

import java.net.URI;

/**
 * The Caspio the benchmark runs against: an emulator in this JVM, or one in its own process reached
 * through its {@code /_emulator} routes. Changes made "in Caspio" by other people need the first.
 */
interface CaspioSide extends AutoCloseable {

    URI baseUri();

    /** Everything exchanged with the emulator since it started. */
    Traffic traffic();

    /** Replaces the injected faults, e.g. {@code latency=80ms}; an empty spec clears them. */
    void faults(String spec);

    /** A note another person adds in Caspio (a DataPage): not a REST call, so not counted. */
    void insertNote(String member, String comments);

    /** Another person's edit of the row with this {@code PK_ID}. */
    void editNote(long pk, String comments);

    @Override
    void close();
}
