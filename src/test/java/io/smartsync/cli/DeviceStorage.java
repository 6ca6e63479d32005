package io.smartsync.cli;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page of this origin keeps in the browser (issue 18), read through the page itself: IndexedDB's
 * stores and Cache Storage; and the page's network, switched through the DevTools protocol.
 */
final class DeviceStorage {
    private final ChromeDriver driver;

    DeviceStorage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The current tab's network on or off (the service worker is not covered: stop the service too). */
    void network(boolean online) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** How many records an IndexedDB store of the page ("meta", "notes" or "queue") holds. */
    long records(String store) {
        Object n = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const store = arguments[0];"
                        + "const r = indexedDB.open('smartsync-offline');"
                        + "r.onsuccess = () => { const c = r.result.transaction(store).objectStore(store).count();"
                        + " c.onsuccess = () => done(c.result); };"
                        + "r.onerror = () => done(-1);",
                store);
        return ((Number) n).longValue();
    }

    /** Whether any record of the store holds {@code text} readable, as JSON or in its sealed bytes. */
    boolean readable(String store, String text) {
        return (Boolean) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const store = arguments[0]; const text = arguments[1];"
                        + "const r = indexedDB.open('smartsync-offline');"
                        + "r.onsuccess = () => { const q = r.result.transaction(store).objectStore(store).getAll();"
                        + " q.onsuccess = () => done(q.result.some((x) => JSON.stringify(x).includes(text)"
                        + " || new TextDecoder().decode(x.box.data).includes(text)"
                        + " || new TextDecoder('utf-16le').decode(x.box.data).includes(text))); };",
                store,
                text);
    }

    /** The paths kept in Cache Storage. */
    List<String> cachedPaths() {
        Object urls = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => { const urls = [];"
                + "for (const name of await caches.keys()) { const c = await caches.open(name);"
                + "for (const r of await c.keys()) urls.push(new URL(r.url).pathname); }"
                + "return urls; })().then(done, (e) => done([String(e)]));");
        return ((List<?>) urls).stream().map(String::valueOf).toList();
    }

    /** How many answers kept in Cache Storage contain {@code text}. */
    long cachedAnswersWith(String text) {
        Object n = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const text = arguments[0];"
                        + "(async () => { let hits = 0;"
                        + "for (const name of await caches.keys()) { const c = await caches.open(name);"
                        + "for (const r of await c.keys()) if ((await (await c.match(r)).text()).includes(text)) hits++; }"
                        + "return hits; })().then(done, () => done(-1));",
                text);
        return ((Number) n).longValue();
    }
}
