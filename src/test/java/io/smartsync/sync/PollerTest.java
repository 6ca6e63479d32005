package io.smartsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.emulator.EmulatorStats;
import io.smartsync.note.CaspioStamp;
import io.smartsync.note.MemberId;
import io.smartsync.store.TableCursor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global poll on its own: what an edit made in Caspio does to the store and to the poll's cursor, what
 * a failed poll leaves, and what the poll reads for members not synced here.
 */
class PollerTest {
    private static final MemberId SYNCED = SyncParts.member(1);
    private static final MemberId NOT_SYNCED = SyncParts.member(2);
    private static final int PAGE = 5;
    /** Caspio's clock when the tests edit rows: a minute after the emulator started, months before the service's. */
    private static final CaspioStamp EDITED_AT = CaspioStamp.of(LocalDateTime.parse("2026-03-02T09:01:00"));

    @TempDir
    Path dir;

    private SyncParts parts;
    private Poller poller;

    @BeforeEach
    void start() {
        parts = new SyncParts(
                dir, 2, 3, SyncConfig.builder().pageSize(PAGE).overlapSeconds(2).build());
        poller = parts.poller();
        // Given a member synced here, and a poll that has found where the table ends and read to it once
        assertThat(parts.engine(poller).select(SYNCED)).isEqualTo(SyncType.INITIAL);
        poller.pollOnce();
        parts.caspioClock.advance(Duration.ofMinutes(1));
        parts.clock.advance(Duration.ofMinutes(1));
        poller.pollOnce();
    }

    @AfterEach
    void stop() {
        parts.close();
    }

    @Test
    void an_edit_made_in_caspio_reaches_the_store_and_the_cursor_moves_to_caspios_stamp_of_it() {
        long pk = SyncParts.pk(parts.caspioRows(SYNCED).getFirst());
        parts.emulator.update(SyncParts.TABLE, pk, Map.of("Comments", "edited in Caspio"));

        poller.pollOnce();

        assertThat(parts.storedText(pk)).contains("edited in Caspio");
        TableCursor cursor = cursor();
        assertThat(cursor.pk()).isEqualTo(pk);
        assertThat(CaspioStamp.parse(cursor.stamp()))
                .as("the cursor holds the stamp Caspio wrote (its clock), not the service's time %s", parts.clock)
                .isEqualTo(EDITED_AT);
        assertThat(cursor.finishedAt()).isEqualTo(parts.clock.instant());
        assertThat(poller.watch.state().consecutiveFailures()).isZero();
    }

    @Test
    void a_poll_that_fails_part_way_keeps_the_cursor_of_its_last_stored_page_and_the_next_poll_brings_the_rest() {
        // Given seven rows made in Caspio for the member, two pages of the poll
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(SyncParts.pk(parts.emulator.insert(
                    SyncParts.TABLE, Map.of("Client_ID2", SYNCED.value(), "Comments", "made in Caspio " + i))));
        }
        // and Caspio failing the request after the first page's full rows
        AtomicBoolean failOnce = new AtomicBoolean(true);
        parts.caspio.onRowsRead(rows -> {
            if (failOnce.getAndSet(false)) {
                parts.emulator.failNext(1, 500);
            }
        });

        poller.pollOnce();

        assertThat(poller.watch.state().consecutiveFailures()).isEqualTo(1);
        assertThat(made).filteredOn(pk -> parts.storedText(pk).isPresent()).isEqualTo(made.subList(0, PAGE));
        assertThat(cursor().pk()).as("the cursor of the failed poll").isEqualTo(made.get(PAGE - 1));

        poller.pollOnce();

        assertThat(made).allSatisfy(pk -> assertThat(parts.storedText(pk)).isPresent());
        assertThat(cursor().pk()).isEqualTo(made.getLast());
        assertThat(poller.watch.state().consecutiveFailures()).isZero();
    }

    @Test
    void rows_changed_only_for_members_not_synced_here_cost_one_read_of_keys_and_are_not_stored() {
        long pk = SyncParts.pk(parts.caspioRows(NOT_SYNCED).getFirst());
        parts.emulator.update(SyncParts.TABLE, pk, Map.of("Comments", "edited in Caspio"));
        parts.emulator.resetStats();

        poller.pollOnce();

        assertThat(parts.emulator.stats().requests(EmulatorStats.Kind.READ))
                .as("the page of changed keys, and no read of full rows")
                .isEqualTo(1);
        assertThat(parts.storedIds(NOT_SYNCED)).isEmpty();
        assertThat(cursor().pk()).as("the cursor still passes the row").isEqualTo(pk);
    }

    private TableCursor cursor() {
        return parts.store.progress().tableCursor(Poller.CURSOR).orElseThrow();
    }
}
