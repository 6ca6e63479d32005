package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.ConflictPolicy;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The notes page and the Smart Sync dashboard in a real headless Chromium, against the real service
 * and the emulator over real HTTP, with millisecond-scale intervals. Asserts what a person sees.
 */
class PagesInBrowserTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String ADMIN = "ada.admin";
    private static final String ADMIN_PASSWORD = "admin password for the browser";
    private static final String STAFF = "sam.staff";
    private static final String STAFF_PASSWORD = "staff password for the browser";

    @TempDir
    static Path dir;

    static Fixture fixture;
    static CaspioEmulator emulator;
    static ServiceRuntime service;

    Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        // Pages of 5 rows (so an initial sync reports progress), a poll every 300 ms, fast retries, and a
        // breaker that opens after two failed calls and tries again after half a second.
        fixture = Fixture.start(
                dir.resolve("fast"),
                SyncConfig.builder()
                        .pageSize(5)
                        .autoSyncInterval(300)
                        .retryDelayMs(5)
                        .maxRetryAttempts(1)
                        .build());
        emulator = fixture.emulator();
        service = fixture.service();
    }

    /** The emulator and the service, with an admin and a staff user made as {@code users create} makes them. */
    record Fixture(CaspioEmulator emulator, ServiceRuntime service) implements AutoCloseable {
        static Fixture start(Path dir, SyncConfig sync) {
            return start(dir, sync, 2);
        }

        /** With a circuit breaker that opens after {@code breakerFailures} failed calls in a row. */
        static Fixture start(Path dir, SyncConfig sync, int breakerFailures) {
            CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                    .withPort(0)
                    .withMembers(12)
                    .withClientId("demo")
                    .withClientSecret("demo-secret"));
            CaspioPolicy policy = new CaspioPolicy(
                    1,
                    Duration.ofMillis(5),
                    Duration.ofMillis(50),
                    Duration.ofSeconds(10),
                    breakerFailures,
                    Duration.ofMillis(500),
                    0,
                    42L);
            ServiceRuntime service = ServiceRuntime.start(ServiceRuntime.Setup.of(
                            StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test")),
                            new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                            TABLE,
                            sync)
                    .withPolicy(policy));
            service.users().create(ADMIN, "Ada Admin", Role.ADMIN, ADMIN_PASSWORD.toCharArray());
            service.users().create(STAFF, "Sam Staff", Role.STAFF, STAFF_PASSWORD.toCharArray());
            return new Fixture(emulator, service);
        }

        @Override
        public void close() {
            service.close();
            emulator.close();
        }
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(service.port());
    }

    @AfterEach
    void closeBrowser() {
        emulator.faults(FaultConfig.NONE);
        browser.close();
    }

    private static List<Map<String, Object>> rowsOf(String member) {
        return rowsOf(emulator, member);
    }

    private static List<Map<String, Object>> rowsOf(CaspioEmulator caspio, String member) {
        return caspio.rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .toList();
    }

    /** A note made in Caspio by someone else (a DataPage, another app). */
    private static Map<String, Object> row(String member, String comments) {
        return Map.of(
                "Client_ID2", member, "Comments", comments, "User_ID", "rosa.diaz", "User_Full_Name", "Rosa Diaz");
    }

    private static List<Map<String, Object>> rowsWithSyncId(String noteId) {
        return emulator.rows(TABLE).stream()
                .filter(r -> noteId.equals(r.get("Sync_ID")))
                .toList();
    }

    private void selectMember(String member) {
        browser.tab("notes");
        WebElement input = browser.find("#member-id");
        input.clear();
        input.sendKeys(member);
        browser.find("#member-form button[type=submit]").click();
    }

    private String writeNote(String text) {
        int before = browser.all("#notes .note").size();
        browser.find("#note-text").sendKeys(text);
        browser.find("#note-submit").click();
        browser.untilShown("#write-steps li", "Note created locally");
        browser.until(d -> browser.all("#notes .note").size() == before + 1);
        // The list is drawn again on every event: look the note up inside a wait that retries stale elements.
        return browser.until(d -> browser.all("#notes .note").stream()
                .filter(n -> n.getText().contains(text))
                .findFirst()
                .map(n -> n.getAttribute("data-note-id"))
                .orElse(null));
    }

    private String stateOf(String noteId) {
        return browser.text("#notes [data-note-id='" + noteId + "'] .badge.state");
    }

    @Test
    void a_page_without_a_session_sends_the_visitor_to_sign_in_and_shows_no_note() {
        browser.go("/");

        browser.until(d -> d.getCurrentUrl().contains("/login.html"));
        assertThat(browser.text("#message")).isEqualTo("Sign in to see the notes and the sync dashboard.");
        assertThat(browser.all("#notes .note")).isEmpty();

        browser.go("/api-docs.html"); // Swagger UI from its WebJar runs under the pages' Content-Security-Policy
        browser.untilShown(".swagger-ui .title", "Smart Sync");
        browser.go("/login.html");
        browser.find("input[name=userId]").sendKeys(STAFF);
        browser.find("input[name=password]").sendKeys("not the password");
        browser.find("button[type=submit]").click();
        browser.untilText("#message", "the user id or the password is wrong");
    }

    @Test
    void selecting_a_member_shows_the_initial_sync_with_its_count_then_the_new_and_updated_notes() {
        String member = "CL000001";
        int inCaspio = rowsOf(member).size();
        browser.signIn(STAFF, STAFF_PASSWORD);

        selectMember(member);

        browser.untilText("#sync-message", "Initial sync completed - " + inCaspio + " notes loaded");
        assertThat(browser.all("#notes .note")).hasSize(inCaspio);
        assertThat(browser.text("#last-synced")).startsWith("Last synced: ");
        List<String> times = browser.all("#notes .note time").stream()
                .map(t -> t.getAttribute("datetime"))
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        emulator.insert(TABLE, row(member, "Member asked about transport to the dialysis appointment"));
        emulator.insert(TABLE, row(member, "Pharmacy confirmed the refill is ready for pick-up"));
        long pk = ((Number) rowsOf(member).getFirst().get("PK_ID")).longValue();
        emulator.update(TABLE, pk, Map.of("Follow_Up_Status", "🔴Closed"));

        // Until the global poll (every 300 ms here) has fetched the changes, a selection answers from the
        // store; so select again until an answer shows them.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if (browser.text("#sync-message").contains("Found 2 new notes and 1 updated note")) {
                        return true;
                    }
                    selectMember(member);
                    return false;
                });
        assertThat(browser.all("#notes .note")).hasSize(inCaspio + 2);
        assertThat(browser.text("#last-synced")).endsWith("Only new/updated notes loaded");
        assertThat(browser.text("#notes [data-note-id='caspio_" + pk + "']")).contains("Follow-up: 🔴Closed");
        browser.screenshot("notes", Browser.LAPTOP, false);
        browser.screenshot("notes-tablet", Browser.TABLET, false);
    }

    @Test
    void a_first_sync_past_its_deadline_answers_from_the_store_and_the_page_catches_up_when_it_ends() {
        String member = "CL000006";
        int inCaspio = rowsOf(member).size();
        browser.signIn(STAFF, STAFF_PASSWORD);
        emulator.faults(FaultConfig.parse("latency=250ms")); // pages of 5 rows: well past the 2 s deadline

        selectMember(member);

        browser.untilShown("#sync-message", "Caspio could not be reached in time; showing the notes stored here.");
        emulator.faults(FaultConfig.NONE);
        browser.until(d -> !browser.text("#sync-message").startsWith("Caspio could not be reached")
                && browser.all("#notes .note").size() == inCaspio);
        assertThat(browser.text("#last-synced")).startsWith("Last synced: ");
    }

    @Test
    void a_note_written_in_the_page_reaches_caspio_and_so_do_its_edit_and_its_delete() {
        String member = "CL000002";
        browser.signIn(STAFF, STAFF_PASSWORD);
        emulator.faults(FaultConfig.parse("latency=30ms")); // an initial sync slow enough to watch
        selectMember(member);
        browser.untilShown("#sync-message", "Performing initial sync — loading all existing notes from Caspio…");
        assertThat(browser.find("#progress").isDisplayed()).isTrue();
        browser.untilShown("#sync-message", "Initial sync completed");
        emulator.faults(FaultConfig.NONE);

        String noteId = writeNote("Called the member; follow-up booked for Monday");

        browser.untilShown("#write-steps li", "Syncing to Caspio…");
        browser.untilShown("#write-steps li", "Note synced");
        browser.until(d -> stateOf(noteId).equals("Synced"));
        assertThat(rowsWithSyncId(noteId))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.get("Comments")).isEqualTo("Called the member; follow-up booked for Monday"));

        browser.click("#notes [data-note-id='" + noteId + "'] .note-actions button");
        browser.find("#note-text").clear();
        browser.find("#note-text").sendKeys("Called the member; follow-up moved to Tuesday");
        new org.openqa.selenium.support.ui.Select(browser.find("#note-status")).selectByVisibleText("🟡 Priority");
        browser.find("#note-submit").click();
        browser.untilShown("#write-steps li", "Note updated locally");
        browser.untilShown("#write-steps li", "Note synced");
        assertThat(rowsWithSyncId(noteId).getFirst()).containsEntry("Follow_Up_Status", "🟡 Priority");

        browser.click("#notes [data-note-id='" + noteId + "'] .note-actions button.danger");
        browser.until(d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();
        browser.untilShown("#write-steps li", "Note deleted locally");
        browser.untilShown("#write-steps li", "Delete synced to Caspio");
        assertThat(browser.all("#notes [data-note-id='" + noteId + "']")).isEmpty();
        assertThat(rowsWithSyncId(noteId)).isEmpty();
    }

    @Test
    void while_caspio_fails_the_pages_show_offline_and_a_growing_queue_which_drains_once_it_heals() {
        String member = "CL000003";
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        selectMember(member);
        browser.untilShown("#sync-message", "Initial sync completed");
        browser.tab("sync");
        browser.untilText("#health-state", "Online");
        browser.untilText("#pending-count", "Pending queue (0)");

        emulator.faults(FaultConfig.parse("error5xx=1.0"));
        browser.tab("notes");
        String first = writeNote("Left a voicemail about the housing referral");
        browser.untilShown("#write-steps li", "Queued — Caspio unreachable");
        browser.until(d -> stateOf(first).equals("Queued — Caspio unreachable"));
        browser.tab("sync");
        browser.untilText("#health-state", "Offline");
        browser.untilText("#pending-count", "Pending queue (1)");
        browser.tab("notes");
        String second = writeNote("Member rescheduled the home visit");
        browser.until(d -> stateOf(second).equals("Queued — Caspio unreachable"));
        browser.tab("sync");
        browser.untilText("#pending-count", "Pending queue (2)");
        browser.untilText("#caspio-state", "Unreachable");
        assertThat(browser.text("#pending")).contains(first, second);
        browser.screenshot("dashboard-offline", Browser.LAPTOP);

        emulator.faults(FaultConfig.NONE);

        browser.untilText("#pending-count", "Pending queue (0)");
        browser.untilText("#health-state", "Online");
        browser.untilText("#breaker-state", "closed");
        browser.screenshot("dashboard", Browser.LAPTOP);
        browser.screenshot("dashboard-tablet", Browser.TABLET);
        browser.tab("notes");
        browser.until(d -> stateOf(first).equals("Synced") && stateOf(second).equals("Synced"));
        assertThat(rowsWithSyncId(first)).hasSize(1);
        assertThat(rowsWithSyncId(second)).hasSize(1);
    }

    @Test
    void an_admin_uses_each_manual_control_of_the_dashboard() {
        // Its own service, where a conflict waits for an admin and the poll (every 30 s) stays out of the way.
        try (Fixture manual = Fixture.start(
                dir.resolve("manual"),
                SyncConfig.builder().conflictPolicy(ConflictPolicy.MANUAL).build())) {
            browser.close();
            browser = Browser.open(manual.service().port());
            useEachControl(manual.emulator());
        }
    }

    private void useEachControl(CaspioEmulator caspio) {
        String member = "CL000004";
        String other = "CL000005";
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.tab("sync");
        browser.untilText("#health-state", "Online");

        browser.find("#process-now").click();
        browser.untilText("#control-result", "Processed 0, failed 0");
        browser.find("#retry-failed").click();
        browser.untilText("#control-result", "Requeued 0 failed writes");

        // An edit here meets an edit made in Caspio meanwhile: it waits in the conflict log for an admin.
        selectMember(other);
        browser.untilShown("#sync-message", "Initial sync completed");
        long pk = ((Number) rowsOf(caspio, other).getFirst().get("PK_ID")).longValue();
        String noteId = "caspio_" + pk;
        caspio.update(TABLE, pk, Map.of("Comments", "Edited in a DataPage"));
        browser.click("#notes [data-note-id='" + noteId + "'] .note-actions button");
        browser.find("#note-text").clear();
        browser.find("#note-text").sendKeys("Edited here at the same time");
        browser.find("#note-submit").click();
        browser.untilShown("#write-steps li", "Conflict: the note changed in Caspio meanwhile");
        browser.until(d -> stateOf(noteId).equals("Conflict"));
        browser.tab("sync");
        browser.untilText("#failed-count", "Failed (1)");
        browser.untilText("#conflicts-count", "Conflict log (1)");
        assertThat(browser.text("#failed")).contains(noteId);
        browser.untilShown("#conflicts button", "Keep this service's");
        browser.click("#conflicts button");
        browser.untilShown("#control-result", "settled: local version kept");
        browser.untilText("#failed-count", "Failed (0)");
        browser.until(d -> "Edited here at the same time"
                .equals(rowsOf(caspio, other).stream()
                        .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                        .findFirst()
                        .orElseThrow()
                        .get("Comments")));

        int inCaspio = rowsOf(caspio, member).size();
        browser.find("#control-member").sendKeys(member);
        browser.find("#force-member").click();
        browser.untilShown("#control-result", "Forced sync of " + member + ": ");
        browser.untilShown("#control-result", inCaspio + " notes stored");

        browser.find("#force-all").click();
        browser.untilText("#control-result", "Forced sync of all members: incremental");

        browser.find("#clear-member").click();
        browser.until(d -> browser.find("#confirm").isDisplayed());
        assertThat(browser.text("#confirm-title")).isEqualTo("Clear the local data of " + member + "?");
        browser.find("#confirm-cancel").click();
        browser.untilText("#control-result", "Clearing " + member + " was cancelled.");
        browser.find("#clear-member").click();
        browser.until(d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();
        browser.untilText("#control-result", "Cleared " + member + ": " + inCaspio + " notes removed");

        selectMember(member);
        browser.untilText("#sync-message", "Initial sync completed - " + inCaspio + " notes loaded");
        browser.tab("sync");
        browser.until(d -> !browser.all("#chart-requests svg rect").isEmpty());
        browser.until(d -> !browser.text("#calls-month").equals("0"));
    }

    @Test
    void staff_see_the_dashboard_without_the_admin_controls_and_move_between_tabs_by_keyboard() {
        browser.signIn(STAFF, STAFF_PASSWORD);
        browser.tab("sync");

        browser.untilText("#health-state", "Online");
        assertThat(browser.find("#force-member").isDisplayed()).isTrue();
        assertThat(browser.find("#process-now").isDisplayed()).isTrue();
        assertThat(browser.find("#retry-failed").isDisplayed()).isFalse();
        assertThat(browser.find("#clear-member").isDisplayed()).isFalse();
        assertThat(browser.text("#admin-note")).isEqualTo("Retry failed and clear data need the admin role.");
        browser.find("#tab-sync").sendKeys(Keys.ARROW_RIGHT);
        browser.until(d -> browser.find("#panel-notes").isDisplayed()
                && "true".equals(browser.find("#tab-notes").getAttribute("aria-selected")));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-notes");
    }
}
