package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.note.Position;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyset paging over 25,000 rows of one member: stamps shared by hundreds of rows across page boundaries,
 * and late commits (visible only after rows with later stamps) inside the overlap window.
 */
class KeysetPagingTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String MEMBER = "CL777777";

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    @Test
    void every_row_comes_exactly_once_across_ties_page_boundaries_and_late_commits() {
        HandClock clock = new HandClock();
        try (CaspioEmulator emulator = CaspioEmulator.start(
                        EmulatorConfig.defaults(dir).withPort(0).withMembers(0).withClock(clock));
                HttpClient http = HttpClient.newHttpClient()) {
            Set<Long> all = new HashSet<>();
            for (int i = 0; i < 25_000; i++) {
                if (i % 700 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // 700 rows share each stamp, across 1000-row pages
                }
                all.add(pk(emulator.insert(TABLE, Map.of("Client_ID2", MEMBER, "Comments", "note " + i))));
            }
            CaspioClient caspio = new CaspioClient(
                    new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                    CaspioPolicy.defaults(),
                    http,
                    clock,
                    new SimpleMeterRegistry());
            // Late commits come through the REST API, where the emulator's faults apply.
            emulator.faults(FaultConfig.parse("lateCommit=1.0,lateCommitLag=3s"));
            Set<Long> late = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                late.add(pk(caspio.insert(TABLE, Map.of("Client_ID2", MEMBER, "Comments", "late " + i))));
            }
            emulator.faults(FaultConfig.NONE);
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 10; i++) {
                all.add(pk(emulator.insert(TABLE, Map.of("Client_ID2", MEMBER, "Comments", "after " + i))));
            }

            Where where = Where.eq("Client_ID2", MEMBER);

            List<Long> firstPass = new ArrayList<>();
            Position cursor =
                    drain(caspio.pages(TABLE, where, "Last_Modified", "PK_ID", Position.START, 1000), firstPass);
            assertThat(firstPass).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);

            clock.advance(Duration.ofSeconds(4)); // the late commits land, with stamps older than the cursor
            List<Long> secondPass = new ArrayList<>();
            Position overlap = new Position(cursor.stamp().minusSeconds(5), 0);
            drain(caspio.pages(TABLE, where, "Last_Modified", "PK_ID", overlap, 1000), secondPass);
            assertThat(secondPass).doesNotHaveDuplicates().containsAll(late);

            Set<Long> union = new HashSet<>(firstPass);
            union.addAll(secondPass);
            all.addAll(late);
            assertThat(union).isEqualTo(all);
        }
    }

    private static Position drain(Iterator<List<Map<String, Object>>> pages, List<Long> into) {
        Position last = Position.START;
        while (pages.hasNext()) {
            for (Map<String, Object> row : pages.next()) {
                into.add(pk(row));
                last = Position.of(String.valueOf(row.get("Last_Modified")), pk(row));
            }
        }
        return last;
    }

    private static long pk(Map<String, Object> row) {
        return ((Number) row.get("PK_ID")).longValue();
    }
}
