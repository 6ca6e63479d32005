package io.smartsync.cli;

import java.util.List;
import org.openqa.selenium.WebElement;

/** One signed-in notes page in its own Chromium, as a staff member uses it, for the live-notes tests. */
final class LivePage implements AutoCloseable {
    final Browser browser;
    /** When this page last clicked Save or confirmed a delete, on {@link System#nanoTime()}. */
    long clickedAt;

    private LivePage(Browser browser) {
        this.browser = browser;
    }

    static LivePage open(int port, String userId, String password) {
        Browser browser = Browser.open(port);
        try {
            browser.signIn(userId, password);
            browser.untilText("#live-state", "Live updates on");
            return new LivePage(browser);
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** Prints how long since {@code startNanos}, for the README's figures (never asserted). */
    static void report(String what, long startNanos) {
        System.out.printf("live: %s: %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    void select(String member) {
        browser.tab("notes");
        WebElement input = browser.find("#member-id");
        input.clear();
        input.sendKeys(member);
        browser.find("#member-form button[type=submit]").click();
        browser.until(d -> {
            String kind = browser.find("#sync-message").getAttribute("class");
            return kind.contains(" ok") || kind.contains(" warn");
        });
    }

    String write(String text) {
        browser.find("#note-text").sendKeys(text);
        clickedAt = System.nanoTime();
        browser.find("#note-submit").click();
        browser.untilShown("#write-steps li", "Note created locally");
        return untilNoteWithText(text);
    }

    void edit(String noteId, String text) {
        browser.click(note(noteId) + " .note-actions button");
        browser.find("#note-text").clear();
        browser.find("#note-text").sendKeys(text);
        clickedAt = System.nanoTime();
        browser.find("#note-submit").click();
        browser.untilShown("#write-steps li", "Note updated locally");
    }

    void delete(String noteId) {
        browser.click(note(noteId) + " .note-actions button.danger");
        browser.until(d -> browser.find("#confirm").isDisplayed());
        clickedAt = System.nanoTime();
        browser.find("#confirm-ok").click();
        browser.untilShown("#write-steps li", "Note deleted locally");
    }

    /** Waits for a note showing {@code text}; answers its id. */
    String untilNoteWithText(String text) {
        return browser.until(d -> browser.all("#notes .note").stream()
                .filter(n -> n.getText().contains(text))
                .findFirst()
                .map(n -> n.getAttribute("data-note-id"))
                .orElse(null));
    }

    void untilNoteShows(String noteId, String text) {
        browser.until(d -> browser.all(note(noteId) + " .note-text").stream()
                .anyMatch(e -> e.getText().equals(text)));
    }

    void untilNoteGone(String noteId) {
        browser.until(d -> browser.all(note(noteId)).isEmpty());
    }

    /** What the page said arrived last. */
    String news() {
        return browser.text("#live-news");
    }

    void untilNews(String text) {
        browser.untilText("#live-news", text);
    }

    /** The ids of the notes drawn highlighted. */
    List<String> highlighted() {
        return browser.until(d -> browser.all("#notes .note.live").stream()
                .map(n -> n.getAttribute("data-note-id"))
                .toList());
    }

    void screenshot(String name) {
        browser.screenshot(name, Browser.LAPTOP, false);
    }

    private static String note(String noteId) {
        return "#notes [data-note-id='" + noteId + "']";
    }

    @Override
    public void close() {
        browser.close();
    }
}
