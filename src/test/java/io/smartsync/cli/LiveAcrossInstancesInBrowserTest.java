package io.smartsync.cli;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.store.StoreKind;
import io.smartsync.store.TestDatabase;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live notes across instances (issue 18): two services share one PostgreSQL schema and one Caspio (the
 * emulator); a note written on a page served by one appears on a page served by the other without a
 * click, carried by PostgreSQL notifications. The delay is printed ({@code live: …}), not asserted.
 */
class LiveAcrossInstancesInBrowserTest {
    private static final String MEMBER = "CL000002";

    @TempDir
    Path dir;

    @Test
    void a_note_written_through_one_instance_appears_on_a_page_connected_to_the_other() {
        Browser.assumeInstalled();
        SyncConfig sync = SyncConfig.builder()
                .pageSize(50)
                .autoSyncInterval(300)
                .selectionDeadlineMs(30_000)
                .retryDelayMs(5)
                .maxRetryAttempts(1)
                .build();
        try (TestDatabase db = TestDatabase.create(StoreKind.POSTGRES, dir);
                CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                        .withPort(0)
                        .withMembers(3)
                        .withClientId("demo")
                        .withClientSecret("demo-secret"));
                ServiceRuntime one = start(db, emulator, sync);
                ServiceRuntime two = start(db, emulator, sync)) {
            one.users()
                    .create(
                            LiveNotesInBrowserTest.DANA,
                            "Dana Lee",
                            Role.STAFF,
                            LiveNotesInBrowserTest.DANA_PASSWORD.toCharArray());
            one.users()
                    .create(
                            LiveNotesInBrowserTest.SAM,
                            "Sam Staff",
                            Role.STAFF,
                            LiveNotesInBrowserTest.SAM_PASSWORD.toCharArray());
            try (LivePage dana = LivePage.open(
                            one.port(), LiveNotesInBrowserTest.DANA, LiveNotesInBrowserTest.DANA_PASSWORD);
                    LivePage sam = LivePage.open(
                            two.port(), LiveNotesInBrowserTest.SAM, LiveNotesInBrowserTest.SAM_PASSWORD)) {
                dana.select(MEMBER);
                sam.select(MEMBER);

                String noteId = dana.write("Home visit moved to Thursday at the member's request");
                sam.untilNoteShows(noteId, "Home visit moved to Thursday at the member's request");
                LivePage.report("note written through one instance -> shown on a page of the other", dana.clickedAt);
                sam.untilNews("1 new note from Dana Lee");
            }
        }
    }

    private static ServiceRuntime start(TestDatabase db, CaspioEmulator emulator, SyncConfig sync) {
        return ServiceRuntime.start(ServiceRuntime.Setup.of(
                        db.location(),
                        new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                        CaspioEmulator.NOTES_TABLE,
                        sync)
                .withPolicy(new CaspioPolicy(
                        1,
                        Duration.ofMillis(5),
                        Duration.ofMillis(50),
                        Duration.ofSeconds(10),
                        2,
                        Duration.ofMillis(500),
                        0,
                        42L)));
    }
}
