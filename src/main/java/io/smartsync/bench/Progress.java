package io.smartsync.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar redrawn with a carriage return, on stderr so stdout keeps only the table.
 * Redraws at most ten times a second. Thread-safe: parallel steps of one stage share it.
 */
final class Progress {
    private static final int WIDTH = 28;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private String stage = "";
    private long total;
    private long done;
    private long lastDraw;

    /** @param out where to draw; null draws nothing (for tests) */
    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void stage(String name, long steps) {
        stage = name;
        total = Math.max(1, steps);
        done = 0;
        draw(true);
    }

    synchronized void step() {
        done = Math.min(total, done + 1);
        draw(done == total);
    }

    /** Ends the line so what follows starts on a fresh one. */
    synchronized void finish() {
        if (out != null) {
            out.print("\r" + " ".repeat(WIDTH + 80) + "\r");
            out.flush();
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (out == null || (!force && now - lastDraw < 100_000_000L)) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * done / total);
        Duration elapsed = Duration.ofNanos(now - started);
        String line = String.format(
                "\r[%s%s] %3d%%  %-34s %d/%d  %d:%02d",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                100 * done / total,
                stage,
                done,
                total,
                elapsed.toMinutes(),
                elapsed.toSecondsPart());
        out.print(line);
        out.flush();
    }
}
