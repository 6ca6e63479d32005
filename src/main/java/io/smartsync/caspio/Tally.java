package io.smartsync.caspio;

/**
 * What the Caspio calls made on one thread inside a {@code try (Tally t = client.tally())} block cost:
 * requests, bytes each way and rows. Lets a sync run record its own cost while other runs go on in
 * parallel. Confined to the thread that opened it.
 */
public final class Tally implements AutoCloseable {
    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

    private final Tally outer;
    private int requests;
    private long bytesIn;
    private long bytesOut;
    private int rows;

    private Tally(Tally outer) {
        this.outer = outer;
    }

    static Tally open() {
        Tally t = new Tally(CURRENT.get());
        CURRENT.set(t);
        return t;
    }

    static void request(long out, long in) {
        for (Tally t = CURRENT.get(); t != null; t = t.outer) {
            t.requests++;
            t.bytesOut += out;
            t.bytesIn += in;
        }
    }

    static void rows(int n) {
        for (Tally t = CURRENT.get(); t != null; t = t.outer) {
            t.rows += n;
        }
    }

    public int requests() {
        return requests;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public int rows() {
        return rows;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
