package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * What the pages say, checked against the state they describe, in a real headless Chromium: an
 * unreachable service, the badges of new and updated notes, a member never loaded while Caspio is down.
 */
class PageWordsInBrowserTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    PagesInBrowserTest.Fixture fixture;
    Browser browser;

    @BeforeEach
    void start() {
        Browser.assumeInstalled();
        fixture = PagesInBrowserTest.Fixture.start(
                dir,
                SyncConfig.builder()
                        .pageSize(5)
                        .autoSyncInterval(300)
                        .retryDelayMs(5)
                        .maxRetryAttempts(1)
                        .build());
        browser = Browser.open(fixture.service().port());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void an_unreachable_service_shows_grey_not_connected_and_marks_the_last_known_values() {
        browser.go("/login.html?ended=1");
        assertThat(browser.find("#message").getCssValue("color")).isNotEqualTo("rgba(164, 38, 44, 1)");
        browser.signIn("ada.admin", "admin password for the browser");
        browser.tab("sync");
        browser.untilText("#health-state", "Online");
        assertThat(browser.find("#no-events").isDisplayed()).isTrue();

        fixture.service().close(); // the service goes away under the open page

        browser.untilText("#health-state", "Not connected");
        assertThat(browser.find("#health-state").getAttribute("class")).contains("unknown");
        assertThat(browser.text("#health-reason")).contains("cannot be reached").contains("last known");
        assertThat(browser.find("#caspio-state").getAttribute("class")).contains("stale");
        assertThat(browser.text("#caspio-state")).contains("(last known)");
        assertThat(browser.text("#live-state")).doesNotContain("Live updates on");
    }

    @Test
    void own_new_notes_have_no_new_badge_and_notes_changed_elsewhere_are_new_or_updated() {
        String member = "CL000002";
        browser.signIn("sam.staff", "staff password for the browser");
        select(member);
        browser.untilShown("#sync-message", "Initial sync completed");
        assertThat(browser.all("#notes .badge.new")).isEmpty();

        String mine = writeNote("Called member, follow-up booked");
        CaspioEmulator caspio = fixture.emulator();
        caspio.insert(
                TABLE, Map.of("Client_ID2", member, "Comments", "Written elsewhere", "Sync_ID", "written-elsewhere"));
        long pk = ((Number) caspio.rows(TABLE).stream()
                        .filter(r -> member.equals(r.get("Client_ID2")))
                        .findFirst()
                        .orElseThrow()
                        .get("PK_ID"))
                .longValue();
        caspio.update(TABLE, pk, Map.of("Follow_Up_Status", "🔴Closed"));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (browser.all("#notes [data-note-id='written-elsewhere'] .badge.new")
                                            .size()
                                    == 1
                            && browser.all("#notes [data-note-id='caspio_" + pk + "'] .badge.updated")
                                            .size()
                                    == 1) {
                        return true;
                    }
                    select(member);
                    return false;
                });
        assertThat(browser.all("#notes [data-note-id='" + mine + "'] .badge.new"))
                .isEmpty();
        assertThat(browser.all("#notes [data-note-id='" + mine + "'] .badge.updated"))
                .isEmpty();
    }

    @Test
    void a_member_opened_first_while_caspio_is_down_is_not_said_to_have_no_notes() {
        browser.signIn("sam.staff", "staff password for the browser");
        fixture.emulator().faults(FaultConfig.parse("error5xx=1"));

        select("CL000003");

        browser.untilShown("#sync-message", "Caspio could not be reached");
        String empty = browser.text("#no-notes");
        assertThat(empty).doesNotContain("has no notes yet").contains("Caspio could not be reached");
        fixture.emulator().faults(FaultConfig.NONE);

        // And the recently synced list offers a member really loaded, not that one nor an id Caspio lacks
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String said = browser.text("#sync-message");
                    if (said.contains("0 notes loaded") || said.startsWith("No new notes")) {
                        return true;
                    }
                    select("CL999999"); // the breaker may still be open from the outage: select again until it closed
                    return false;
                });
        select("CL000001");
        browser.untilShown("#sync-message", "Initial sync completed");
        browser.untilShown("#recent-members li", "CL000001");
        assertThat(browser.text("#recent-members")).doesNotContain("CL999999").doesNotContain("CL000003");
    }

    private void select(String member) {
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
        browser.until(d -> browser.all("#notes .note").size() == before + 1);
        return browser.until(d -> browser.all("#notes .note").stream()
                .filter(n -> n.getText().contains(text))
                .findFirst()
                .map(n -> n.getAttribute("data-note-id"))
                .orElse(null));
    }
}
