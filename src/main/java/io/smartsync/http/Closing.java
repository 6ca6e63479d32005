package io.smartsync.http;

/** Closes what no longer matters, such as a listener whose stream has ended. */
final class Closing {
    private Closing() {}

    static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do: what it served is gone already
        }
    }
}
