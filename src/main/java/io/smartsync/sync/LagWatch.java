package io.smartsync.sync;

import io.smartsync.note.CaspioStamp;
import io.smartsync.note.Note;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how late rows commit: a row first seen with a stamp older than the cursor the pull started
 * from was committed that much after rows with later stamps. The overlap window only covers lags below
 * it, so a lag nearing the window is a warning to widen it (correctness rule 3). Thread-safe.
 */
final class LagWatch {
    private static final Logger log = LoggerFactory.getLogger(LagWatch.class);

    private final long overlapSeconds;
    private final AtomicLong maxSeconds = new AtomicLong();

    LagWatch(long overlapSeconds) {
        this.overlapSeconds = overlapSeconds;
    }

    /** Looks at the rows a pull from {@code cursorStamp} stored for the first time. */
    void observe(String cursorStamp, List<Note> rows, Collection<String> insertedIds) {
        if (cursorStamp == null || insertedIds.isEmpty()) {
            return;
        }
        CaspioStamp cursor = CaspioStamp.parse(cursorStamp);
        for (Note n : rows) {
            if (n.caspioStamp() != null && insertedIds.contains(n.noteId())) {
                long lag = Duration.between(CaspioStamp.parse(n.caspioStamp()).local(), cursor.local())
                        .toSeconds();
                if (lag > 0 && lag > maxSeconds.getAndAccumulate(lag, Math::max) && lag * 5 >= overlapSeconds * 4) {
                    log.warn(
                            "a row of member {} committed {} s late; the overlap window is {} s: widen"
                                    + " SMARTSYNC_OVERLAP_SECONDS before commits outrun it",
                            n.member(),
                            lag,
                            overlapSeconds);
                }
            }
        }
    }

    /** The largest commit lag seen since start. */
    Duration maxSeen() {
        return Duration.ofSeconds(maxSeconds.get());
    }
}
