package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * What the pages say, checked against the state they describe, in a real headless Chromium: an
 * unreachable service, the badges of new and updated notes, a member never loaded while Caspio is down,
 * the manual controls' results, the requests axis, the pending table and the times of a member's answer.
 * Where a state is hard to reach (a push that fails, a busy hour), the service's answer is replaced in the
 * browser before the page's scripts run ({@link #answer}); the page's own code draws it.
 */
class PageWordsInBrowserTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void processed_with_failures_is_shown_as_an_error_not_in_green() {
        answer("/api/sync/process", 200, "{\"success\":true,\"data\":{\"processed\":0,\"failed\":1}}");
        browser.signIn("sam.staff", "staff password for the browser");
        browser.tab("sync");

        browser.find("#process-now").click();
        browser.untilShown("#control-result", "Processed 0, failed 1");
        WebElement result = browser.find("#control-result");
        assertThat(result.getAttribute("class")).contains("error").doesNotContain("ok");
        String border =
                (String) browser.driver.executeScript("return getComputedStyle(arguments[0]).borderLeftColor", result);
        assertThat(border).isEqualTo(cssColour("--bad")).isNotEqualTo(cssColour("--ok"));
    }

    @Test
    void the_requests_axis_has_whole_number_ticks_only_and_the_months_caspio_calls_are_stated_once() {
        StringBuilder hours = new StringBuilder();
        Instant start = Instant.now().minus(Duration.ofHours(23));
        for (int i = 0; i < 24; i++) {
            int requests = i == 20 ? 31 : i % 5; // a busiest hour of 31: half of it is 15.5
            hours.append(i == 0 ? "" : ",")
                    .append("{\"start\":\"")
                    .append(start.plus(Duration.ofHours(i)))
                    .append("\",\"requests\":")
                    .append(requests)
                    .append(",\"bytesIn\":0,\"bytesOut\":0}");
        }
        answer(
                "/api/sync/history",
                200,
                "{\"success\":true,\"data\":{\"hours\":[" + hours + "],\"recent\":[],\"incrementalBytesIn\":0}}");
        browser.signIn("ada.admin", "admin password for the browser");
        browser.tab("sync");

        List<String> ticks = browser.until(d -> {
            List<String> shown = browser.all("#chart-requests svg text.axis[text-anchor='end']").stream()
                    .map(WebElement::getText)
                    .toList();
            return shown.size() == 3 ? shown : null;
        });
        assertThat(ticks).allSatisfy(t -> assertThat(t).matches("\\d+"));
        assertThat(ticks).contains("0").doesNotContain("15.5");

        browser.until(d -> browser.text("#calls-month").matches("[\\d,]+"));
        String tab = browser.text("#panel-sync");
        assertThat(Pattern.compile("(?i)caspio calls").matcher(tab).results().count())
                .as(tab)
                .isOne();
        assertThat(Pattern.compile("(?i)this month").matcher(tab).results().count())
                .as(tab)
                .isOne();
    }

    @Test
    void member_ids_do_not_wrap_in_the_pending_table() {
        String member = "CL-0000-1111-2222-3333-4444-5555-6666-7777-8888-9999-AAAA-BBBB";
        answer(
                "/api/sync/pending",
                200,
                "{\"success\":true,\"data\":[{\"id\":1,\"noteId\":\"note-1\",\"clientId2\":\"" + member
                        + "\",\"action\":\"create\",\"timestamp\":\"" + Instant.now()
                        + "\",\"synced\":false,\"syncAttempts\":0,\"lastError\":null,\"failed\":false}]}");
        browser.signIn("sam.staff", "staff password for the browser");
        browser.driver.manage().window().setSize(Browser.TABLET);
        browser.tab("sync");
        browser.untilText("#pending-count", "Pending queue (1)");

        WebElement cell = browser.until(d -> browser.all("#pending td").stream()
                .filter(td -> td.getText().equals(member))
                .findFirst()
                .orElse(null));
        assertThat(cell.getCssValue("white-space")).isEqualTo("nowrap");
        long lines = (Long) browser.driver.executeScript(
                "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                        + " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;",
                cell);
        assertThat(lines).as("lines the member id takes").isEqualTo(1);
    }

    @Test
    void staff_never_see_raw_http_error_text_when_caspio_fails() {
        // Caspio's raw error must stay the pending write's error while the page is read: a breaker that opens
        // would replace it with its own "not sent" (the cause of an earlier version's 20 s timeouts), and the
        // poll would spend Caspio's failures. So this test runs on a service with neither.
        stop();
        fixture = PagesInBrowserTest.Fixture.start(
                dir.resolve("quiet"),
                SyncConfig.builder()
                        .autoSyncInterval(600_000)
                        .retryDelayMs(5)
                        .maxRetryAttempts(1)
                        .build(),
                1_000_000);
        browser = Browser.open(fixture.service().port());
        answer("/api/sync/process", 502, "<html><title>502 Bad Gateway</title><body>Bad Gateway</body></html>");
        browser.signIn("sam.staff", "staff password for the browser");
        select("CL000006");
        browser.untilShown("#sync-message", "Initial sync completed");

        fixture.emulator().failNext(1_000_000, 502); // every Caspio call from now on: 502 Bad Gateway
        String note = writeNote("Written while Caspio fails");
        browser.tab("sync");
        String cell =
                browser.until(d -> browser.all("#pending tr[data-note-id='" + note + "'] td:nth-child(6)").stream()
                        .map(WebElement::getText)
                        .filter(t -> !t.equals("—"))
                        .findFirst()
                        .orElse(null));
        String recorded = (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/sync/pending').then((r) => r.json())"
                        + ".then((a) => done(a.data.find((e) => e.noteId === arguments[0]).lastError));",
                note);
        browser.find("#process-now").click();
        browser.untilShown("#control-result", "Process pending now failed");

        Pattern raw = Pattern.compile("HTTP \\d{3}|Bad ?Gateway|\\{");
        assertThat(recorded).as("the service's record of Caspio's answer").containsPattern(raw);
        assertThat(cell).contains("Caspio").contains("502").doesNotContainPattern(raw);
        assertThat(browser.text("#panel-sync")).doesNotContainPattern(raw);
        browser.tab("notes");
        assertThat(browser.text("#panel-notes")).doesNotContainPattern(raw);
    }

    @Test
    void new_notes_are_found_since_a_time_no_later_than_the_last_sync_shown_beside_it() {
        // The page shows times to the minute: it is checked against the answer it drew (kept as it arrived),
        // whose instants are exact, instead of waiting for the clock to move on a minute.
        keepNotesAnswers();
        String member = "CL000007";
        browser.signIn("sam.staff", "staff password for the browser");
        selectAndRead(member);
        selectAndRead(member); // a second visit: the time the next answer counts "new" from
        fixture.emulator()
                .insert(TABLE, Map.of("Client_ID2", member, "Comments", "Written in Caspio", "Sync_ID", "in-caspio"));
        JsonNode answer = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> selectAndRead(member),
                        a -> a.path("sync").path("message").asText().startsWith("Found 1 new note"));

        String message = answer.path("sync").path("message").asText();
        Matcher since = Pattern.compile(" since (\\S+)$").matcher(message);
        assertThat(since.find()).as("a time in \"%s\"", message).isTrue();
        String lastSync = answer.path("sync").path("lastSync").asText();
        browser.untilText("#sync-message", message.replace(since.group(1), shown(since.group(1))));
        assertThat(browser.text("#last-synced")).startsWith("Last synced: " + shown(lastSync));
        assertThat(Instant.parse(since.group(1)))
                .as("found since %s, last synced %s", since.group(1), lastSync)
                .isBeforeOrEqualTo(Instant.parse(lastSync));
    }

    /** From the next page on, the browser keeps every answer about a member's notes in {@code window.notesAnswers}. */
    private void keepNotesAnswers() {
        String script =
                "(() => { window.notesAnswers = []; const real = window.fetch; window.fetch = async (input, init) => {"
                        + " const answer = await real(input, init);"
                        + " const url = new URL(typeof input === 'string' ? input : input.url, location.href);"
                        + " if (url.pathname === '/api/client-notes' && answer.ok)"
                        + "   window.notesAnswers.push(JSON.stringify((await answer.clone().json()).data));"
                        + " return answer; }; })();";
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Selects the member, waits for the page to draw the answer, and returns that answer as the page got it. */
    private JsonNode selectAndRead(String member) {
        long before = (Long) browser.driver.executeScript("return window.notesAnswers.length");
        select(member);
        String answer = browser.until(d -> (String) browser.driver.executeScript(
                "return window.notesAnswers.length > arguments[0] && !document.querySelector('#sync-message')"
                        + ".className.includes('busy') ? window.notesAnswers[window.notesAnswers.length - 1] : null",
                before));
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant as the page writes it (its own {@code when}, in the browser's zone and locale). */
    private String shown(String iso) {
        return (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " import('/js/dom.js').then((m) => done(m.when(arguments[0])));",
                iso);
    }

    /** Answers {@code path} (and the paths under it) with {@code body} in the browser, from the next page on. */
    private void answer(String path, int status, String body) {
        String script = "(() => { const real = window.fetch; window.fetch = (input, init) => {"
                + " const url = new URL(typeof input === 'string' ? input : input.url, location.href);"
                + " if (url.pathname === " + js(path) + ") return Promise.resolve(new Response(" + js(body)
                + ", {status: " + status + ", headers: {'Content-Type': "
                + js(body.startsWith("<") ? "text/html" : "application/json")
                + "}}));"
                + " return real(input, init); }; })();";
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    private static String js(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The colour a CSS variable of the page names, as computed styles report colours. */
    private String cssColour(String variable) {
        return (String) browser.driver.executeScript(
                "const p = document.createElement('p'); p.style.color = 'var(' + arguments[0] + ')';"
                        + " document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c;",
                variable);
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
