package io.smartsync.sync;

import io.smartsync.caspio.CaspioException;
import io.smartsync.caspio.Tally;
import io.smartsync.note.MemberId;
import io.smartsync.store.History;
import io.smartsync.store.PullResult;
import io.smartsync.store.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every sync run the same way: its start, its Caspio cost (a {@link Tally} on the running thread),
 * what it brought in and how it ended go to the sync history when the run closes, whatever happened
 * inside; an announced run also tells the live events, a logged one writes one INFO line. Thread-safe;
 * each {@link Run} is confined to the thread that started it.
 */
final class RunRecorder {
    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final History history;
    private final Supplier<Tally> tally;
    private final SyncEvents events;
    private final Clock clock;

    /**
     * @param tally opens a tally of this thread's Caspio calls ({@code caspio::tally})
     * @param events where announced runs are told; null when no run of this recorder is announced
     */
    RunRecorder(History history, Supplier<Tally> tally, SyncEvents events, Clock clock) {
        this.history = history;
        this.tally = tally;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a run of {@code kind} ({@code poll}, {@code initial}, ...); null member for a table-wide run. */
    Run start(String kind, MemberId member) {
        return new Run(kind, member);
    }

    /**
     * Runs {@code body} as a recorded run: a Caspio failure it throws is the run's outcome and goes on to
     * the caller.
     */
    <T> T record(String kind, MemberId member, Function<Run, T> body) {
        try (Run run = start(kind, member)) {
            try {
                return body.apply(run);
            } catch (CaspioException e) {
                run.ended(RunOutcome.of(e));
                throw e;
            }
        }
    }

    /** One run, from its start until it is closed (in a {@code try} block: the close records it). */
    final class Run implements AutoCloseable {
        private final String kind;
        private final MemberId member;
        private final Instant startedAt = clock.instant();
        private final long started = System.nanoTime();
        private final Tally cost = tally.get();
        private RunOutcome outcome = RunOutcome.OK;
        private long newNotes;
        private long updatedNotes;
        private boolean announced;
        private String logAs;

        private Run(String kind, MemberId member) {
            this.kind = kind;
            this.member = member;
        }

        /** Tells the live events that the run started ({@code sync.started}); its end is told as well. */
        Run announce(Map<String, Object> details) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("type", kind);
            counts.putAll(details);
            events.emit(SyncEvent.Type.SYNC_STARTED, clientId2(), null, Map.copyOf(counts));
            announced = true;
            return this;
        }

        /** Tells the live events of the run's end only, even when it stops before it could announce its start. */
        Run announceEnd() {
            announced = true;
            return this;
        }

        /** Writes one INFO line at the end, starting with {@code label} ("poll", "initial sync of member X"). */
        Run logAs(String label) {
            this.logAs = label;
            return this;
        }

        /** Adds what a step of the run stored. */
        void brought(PullResult stored) {
            brought(stored.inserted(), stored.updated());
        }

        /** Adds what a step of the run stored, as counts. */
        void brought(long inserted, long updated) {
            newNotes += inserted;
            updatedNotes += updated;
        }

        /** How the run ended, when not as planned. */
        void ended(RunOutcome how) {
            this.outcome = how;
        }

        /** How the run has ended so far ({@link RunOutcome#OK} until told otherwise). */
        RunOutcome outcome() {
            return outcome;
        }

        /** When the run started, on the service's clock. */
        Instant startedAt() {
            return startedAt;
        }

        long newNotes() {
            return newNotes;
        }

        @Override
        public void close() {
            cost.close();
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (announced) {
                events.emit(
                        SyncEvent.Type.SYNC_FINISHED,
                        clientId2(),
                        null,
                        Map.of(
                                "type",
                                kind,
                                "outcome",
                                outcome.text(),
                                "newNotes",
                                newNotes,
                                "updatedNotes",
                                updatedNotes,
                                "ms",
                                ms));
            }
            history.recordRun(new SyncRun(
                    startedAt,
                    ms,
                    kind,
                    clientId2(),
                    cost.requests(),
                    cost.bytesIn(),
                    cost.bytesOut(),
                    cost.rows(),
                    (int) newNotes,
                    (int) updatedNotes,
                    outcome.text()));
            if (logAs != null) {
                log.info(
                        "{}: {}, {} new, {} updated, {} requests, {} rows, {} ms",
                        logAs,
                        outcome.text(),
                        newNotes,
                        updatedNotes,
                        cost.requests(),
                        cost.rows(),
                        ms);
            }
        }

        private String clientId2() {
            return member == null ? null : member.value();
        }
    }
}
