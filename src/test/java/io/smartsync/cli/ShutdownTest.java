package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A service stopped while a push is on its way stops in order: it takes no new work, gives what runs a
 * bounded time, cuts the rest without calling that a failure, and says in one line what it left; the
 * cut push stays queued and goes out after the restart.
 */
class ShutdownTest {
    private static final String MEMBER = "CL000001";

    @TempDir
    Path dir;

    @Test
    void a_push_cut_by_shutdown_logs_no_error_and_is_pushed_after_the_restart() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger ours = (Logger) LoggerFactory.getLogger("io.smartsync");
        logged.start();
        ours.addAppender(logged);
        ours.setLevel(Level.INFO);
        SyncConfig sync = SyncConfig.builder()
                .pageSize(10)
                .autoSyncInterval(200)
                .retryDelayMs(5)
                .maxRetryAttempts(1)
                .build();
        ApiFixture first = ApiFixture.start(dir, 1, s -> s, sync);
        ApiFixture api = first;
        try {
            // Given a note whose push is held in flight by a slow Caspio
            first.emulator.faults(FaultConfig.parse("latency=8s"));
            Caller.Answer created =
                    first.staff().post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", "a note"));
            assertThat(created.status()).isEqualTo(201);
            String noteId = created.data().path("noteId").asText();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> first.emulator.writes().inFlight() == 1);

            // When the service stops (alone) and starts again on its data directory
            api = first.restarted();

            // Then the stop said what it left, logged no error or failed push, and the note is still queued
            assertThat(messages(logged, Level.ERROR)).isEmpty();
            assertThat(messages(logged, Level.WARN))
                    .as("the cut push is no failure")
                    .noneMatch(l -> l.startsWith("io.smartsync.sync.Pusher"));
            assertThat(messages(logged, Level.INFO)).anyMatch(l -> l.contains(": stopped with 1 push still running"));
            assertThat(api.admin().get("/api/sync/pending").data())
                    .extracting(e -> e.path("noteId").asText())
                    .containsExactly(noteId);

            // When Caspio answers at speed again, the note goes out, once
            api.emulator.faults(FaultConfig.NONE);
            ApiFixture running = api;
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> running.admin().get("/api/sync/pending").data().isEmpty());
            assertThat(api.emulator.rows(CaspioEmulator.NOTES_TABLE))
                    .filteredOn(r -> noteId.equals(String.valueOf(r.get("Sync_ID"))))
                    .hasSize(1);
            assertThat(messages(logged, Level.ERROR)).isEmpty();
        } finally {
            api.close();
            ours.setLevel(null);
            ours.detachAppender(logged);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> logged, Level level) {
        synchronized (logged) { // doAppend holds the appender's lock
            return logged.list.stream()
                    .filter(e -> e.getLevel() == level)
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                    .toList();
        }
    }
}
