package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.access.Role;
import io.smartsync.caspio.CaspioConfig;
import io.smartsync.caspio.CaspioPolicy;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.http.ApiSettings;
import io.smartsync.sync.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Issue 18, offline: the notes page opens from the service worker while the service is stopped (its port
 * closed) and the page's network is off, shows the notes kept on the device after the password unlocks
 * them, queues what is written, and sends it when the service answers again: once each, in order.
 */
class OfflineInBrowserTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final String STAFF = "sam.staff";
    private static final String PASSWORD = "staff password for the browser";

    @TempDir
    Path dir;

    CaspioEmulator emulator;
    ServiceRuntime service;
    int port;
    Browser browser;

    @BeforeEach
    void start() throws IOException {
        Browser.assumeInstalled();
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPort(0)
                .withMembers(6)
                .withClientId("demo")
                .withClientSecret("demo-secret"));
        port = ServeProcess.freePort();
        service = startService();
        service.users().create(STAFF, "Sam Staff", Role.STAFF, PASSWORD.toCharArray());
        browser = Browser.open(port);
    }

    /**
     * The service on its fixed port and data directory: a restart finds its store and sessions again. A
     * selection waits for its whole pull (a loaded machine must not turn the first answer into a partial one).
     */
    private ServiceRuntime startService() {
        CaspioPolicy policy = new CaspioPolicy(
                1,
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                Duration.ofSeconds(10),
                2,
                Duration.ofMillis(500),
                0,
                42L);
        return ServiceRuntime.start(ServiceRuntime.Setup.of(
                        StoreSettings.inDataDir(DataDir.prepare(dir.resolve("service"), "test")),
                        new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                        TABLE,
                        SyncConfig.builder()
                                .pageSize(50)
                                .autoSyncInterval(300)
                                .retryDelayMs(5)
                                .maxRetryAttempts(1)
                                .selectionDeadlineMs(60_000)
                                .build())
                .withPolicy(policy)
                .withApi(ApiSettings.defaults("127.0.0.1", port)));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** How the service is out of reach. */
    enum Offline {
        /** The service stopped (nothing listens on its port) and the page's network emulated off. */
        SERVICE_STOPPED_AND_NETWORK_OFF,
        /** The service stopped, the browser's network on: every request is refused. */
        SERVICE_STOPPED;

        boolean networkOff() {
            return this == SERVICE_STOPPED_AND_NETWORK_OFF;
        }
    }

    private Offline offline = Offline.SERVICE_STOPPED_AND_NETWORK_OFF;

    private void goOffline() {
        service.close();
        service = null;
        device().network(!offline.networkOff());
    }

    private void goOnline() {
        service = startService();
        device().network(true);
    }

    private DeviceStorage device() {
        return new DeviceStorage(browser.driver);
    }

    private void selectMember(String member) {
        WebElement input = browser.find("#member-id");
        input.clear();
        input.sendKeys(member);
        browser.find("#member-form button[type=submit]").click();
    }

    private void unlock() {
        browser.until(d -> browser.find("#unlock").isDisplayed());
        browser.find("#unlock-password").sendKeys(PASSWORD);
        browser.find("#unlock-ok").click();
        browser.until(d ->
                !browser.find("#unlock").isDisplayed() && browser.find("#who").isDisplayed());
    }

    private String stateOf(String noteId) {
        return browser.text("#notes [data-note-id='" + noteId + "'] .badge.state");
    }

    private String noteWithText(String text) {
        return browser.until(d -> browser.all("#notes .note").stream()
                .filter(n -> n.getText().contains(text))
                .findFirst()
                .map(n -> n.getAttribute("data-note-id"))
                .orElse(null));
    }

    private String write(String text) {
        browser.find("#note-text").sendKeys(text);
        browser.find("#note-submit").click();
        String id = noteWithText(text);
        browser.until(d -> stateOf(id).equals("Saved on this device"));
        return id;
    }

    private List<Map<String, Object>> rowsOf(String member) {
        return emulator.rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .toList();
    }

    private long rowsWithText(String text) {
        return emulator.rows(TABLE).stream()
                .filter(r -> text.equals(r.get("Comments")))
                .count();
    }

    /** The Caspio rows of a note id as the service gives them: a Sync_ID, or caspio_<PK_ID> for rows made elsewhere. */
    private List<Map<String, Object>> rowsOfNote(String noteId) {
        return emulator.rows(TABLE).stream()
                .filter(r -> noteId.startsWith("caspio_")
                        ? noteId.equals("caspio_" + r.get("PK_ID"))
                        : noteId.equals(r.get("Sync_ID")))
                .toList();
    }

    /** The note writes the service audited for the member, in the order it took them. */
    private List<String> auditedWrites(String member) {
        Path db = dir.resolve("service").resolve("smartsync.db");
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT action, note_id FROM audit_log WHERE client_id2 = '" + member
                                + "' AND action IN ('notes.create', 'notes.update', 'notes.delete')"
                                + " AND outcome LIKE 'ok%' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Offline.class)
    void notes_written_offline_survive_a_reload_and_a_closed_tab_and_reach_caspio_once_each_in_order(Offline how) {
        offline = how;
        String member = "CL000003";
        browser.signIn(STAFF, PASSWORD);
        selectMember(member);
        int stored = rowsOf(member).size();
        browser.until(d -> browser.all("#notes .note").size() == stored);
        browser.until(d -> device().records("notes") == 1);
        List<WebElement> shown = browser.all("#notes .note");
        String edited = shown.get(0).getAttribute("data-note-id");
        String deleted = shown.get(1).getAttribute("data-note-id");

        // Given the service stopped and the page's network off, the page opens again from the service worker
        goOffline();
        browser.go("/");
        unlock();
        selectMember(member);
        browser.untilShown("#sync-message", "Offline — the notes kept on this device");
        assertThat(browser.all("#notes .note")).hasSize(stored);

        // When three notes are written, one kept note edited and another deleted
        List<String> texts =
                List.of("Offline visit 1: member well", "Offline visit 2: meds checked", "Offline 3: call back");
        List<String> created = new ArrayList<>();
        for (String text : texts) {
            created.add(write(text));
        }
        browser.click("#notes [data-note-id='" + edited + "'] .note-actions button:not(.danger)");
        browser.find("#note-text").clear();
        browser.find("#note-text").sendKeys("Edited offline: family present");
        browser.find("#note-submit").click();
        browser.until(d -> stateOf(edited).equals("Saved on this device"));
        browser.click("#notes [data-note-id='" + deleted + "'] .note-actions button.danger");
        browser.click("#confirm-ok");
        browser.until(
                d -> browser.all("#notes [data-note-id='" + deleted + "']").isEmpty());
        browser.untilText("#offline-text", "Offline — 5 notes waiting on this device");

        // And the tab is closed and the page opened again in a new one, still offline
        String old = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String fresh = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(old).close();
        browser.driver.switchTo().window(fresh);
        device().network(!offline.networkOff());
        browser.go("/");
        unlock();
        selectMember(member);
        browser.untilText("#offline-text", "Offline — 5 notes waiting on this device");
        for (String id : created) {
            assertThat(stateOf(id)).isEqualTo("Saved on this device");
        }
        assertThat(device().records("queue")).isEqualTo(5);
        browser.screenshot("offline", Browser.LAPTOP, false);
        assertThat(rowsOf(member)).hasSize(stored); // nothing reached Caspio (nor the stopped service)

        // Then, the service back, every change reaches Caspio once, in the order it was made
        goOnline();
        for (String id : created) {
            browser.until(d -> stateOf(id).equals("Synced"));
        }
        browser.until(d -> browser.find("#offline-banner").isDisplayed() == false);
        for (String text : texts) {
            assertThat(rowsWithText(text)).as(text).isEqualTo(1);
        }
        assertThat(rowsOfNote(edited))
                .singleElement()
                .extracting(r -> r.get("Comments"))
                .isEqualTo("Edited offline: family present");
        assertThat(rowsOfNote(deleted)).isEmpty();
        assertThat(rowsOf(member)).hasSize(stored + 3 - 1);
        assertThat(auditedWrites(member))
                .containsExactly(
                        "notes.create " + created.get(0),
                        "notes.create " + created.get(1),
                        "notes.create " + created.get(2),
                        "notes.update " + edited,
                        "notes.delete " + deleted);
        assertThat(device().records("queue")).isZero();

        // And the page, opened while the service was stopped, hears its events now: another person's note
        // appears without a click
        TestApi dana = new TestApi(
                port, service.keys().issue("staff-2", "Dana Lee", Role.STAFF).key());
        String live = "Written by Dana once the laptop was back online";
        assertThat(dana.post("/api/client-notes", Map.of("clientId2", member, "comments", live))
                        .status())
                .isEqualTo(201);
        browser.until(d ->
                browser.all("#notes .note").stream().anyMatch(n -> n.getText().contains(live)));
    }

    @Test
    void after_sign_out_nothing_of_the_notes_is_left_in_indexeddb_or_cache_storage() {
        String member = "CL000002";
        browser.signIn(STAFF, PASSWORD);
        selectMember(member);
        browser.until(d -> browser.all("#notes .note").size() == rowsOf(member).size());
        browser.until(d -> device().records("notes") == 1);
        String text = browser.text("#notes .note .note-text");
        assertThat(device().readable("notes", text)).as("kept notes are sealed").isFalse();

        browser.click("#sign-out");
        browser.until(d -> d.getCurrentUrl().contains("/login.html"));

        assertThat(device().records("notes")).isZero();
        assertThat(device().records("queue")).isZero();
        assertThat(device().cachedPaths()).contains("/js/notes.js").noneMatch(u -> u.startsWith("/api/"));
        assertThat(device().cachedAnswersWith(text)).isZero();
    }

    @Test
    void a_session_that_ended_while_offline_asks_for_sign_in_and_then_sends_what_waited() throws SQLException {
        String member = "CL000004";
        browser.signIn(STAFF, PASSWORD);
        selectMember(member);
        browser.until(d -> browser.all("#notes .note").size() == rowsOf(member).size());
        browser.until(d -> device().records("notes") == 1);
        goOffline();
        browser.go("/");
        unlock();
        selectMember(member);
        browser.untilShown("#sync-message", "Offline — the notes kept on this device");
        write("Written while the session ran out");
        try (Connection c = DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("service").resolve("smartsync.db"))) {
            c.createStatement().executeUpdate("DELETE FROM sessions");
        }

        goOnline();
        browser.until(d -> d.getCurrentUrl().contains("/login.html"));
        assertThat(browser.text("#message")).isEqualTo("Sign in to see the notes and the sync dashboard.");
        assertThat(device().records("queue")).isEqualTo(1);
        assertThat(device().records("notes"))
                .as("the kept notes go with the session")
                .isZero();
        browser.signIn(STAFF, PASSWORD);

        browser.until(d -> rowsWithText("Written while the session ran out") == 1);
        browser.until(d -> device().records("queue") == 0);
        assertThat(rowsWithText("Written while the session ran out")).isEqualTo(1);
    }

    @Test
    void sign_out_with_changes_waiting_warns_and_keeps_them_for_the_next_sign_in() {
        String member = "CL000005";
        browser.signIn(STAFF, PASSWORD);
        selectMember(member);
        browser.until(d -> browser.all("#notes .note").size() == rowsOf(member).size());
        browser.until(d -> device().records("notes") == 1);
        goOffline();
        write("Written before signing out offline");

        browser.click("#sign-out");
        browser.untilShown("#confirm-text", "1 note written or changed while offline");
        browser.click("#confirm-ok");
        browser.until(d -> d.getCurrentUrl().contains("/login.html"));
        assertThat(device().records("notes")).isZero();
        assertThat(device().records("queue")).isEqualTo(1);
        assertThat(rowsWithText("Written before signing out offline")).isZero();

        goOnline();
        browser.signIn(STAFF, PASSWORD);
        browser.until(d -> rowsWithText("Written before signing out offline") == 1);
        browser.until(d -> device().records("queue") == 0);
    }
}
