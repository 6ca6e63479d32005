package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.sync.SyncConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create can be sent again safely: with an Idempotency-Key (the IETF draft's semantics) or with a note
 * id the client made. A retry after a lost answer gives one note here and one row in Caspio.
 */
class IdempotentCreateTest {
    private static final String NOTES = "/api/client-notes";

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        // A short poll interval, so Caspio's breaker tries again soon after a test's outage.
        api = ApiFixture.start(
                dir,
                4,
                x -> x,
                SyncConfig.builder()
                        .pageSize(10)
                        .autoSyncInterval(200)
                        .retryDelayMs(5)
                        .maxRetryAttempts(1)
                        .build());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<String> commentsHere(String member) {
        return api.staff()
                .get(NOTES + "?clientId2=" + member + "&includeAll=true")
                .data()
                .path("notes")
                .findValuesAsText("comments");
    }

    private static long rowsInCaspio(String comments) {
        return api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> comments.equals(r.get("Comments")))
                .count();
    }

    /** The request goes out and the connection is cut before any answer is read: a lost answer. */
    private static void sendAndHangUp(String body, String extraHeader) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + NOTES + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.staffKey
                            + "\r\nContent-Type: application/json\r\n" + extraHeader + "Content-Length: "
                            + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }
    }

    private static void awaitPushedOnce(String comments) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsInCaspio(comments) >= 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.staff().get("/api/sync/pending").data().isEmpty());
        assertThat(rowsInCaspio(comments)).isEqualTo(1);
    }

    @Test
    void a_create_retried_with_its_idempotency_key_after_a_lost_answer_is_stored_and_pushed_once() throws Exception {
        String comments = "Home visit; sent with a key " + UUID.randomUUID();
        String body = Caller.text(Map.of("clientId2", "CL000001", "comments", comments));
        sendAndHangUp(body, "Idempotency-Key: \"retry-1\"\r\n");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> commentsHere("CL000001").contains(comments));

        Caller keyed = api.staff().with("Idempotency-Key", "\"retry-1\"");
        Caller.Answer retry = keyed.post(NOTES, body);
        assertThat(retry.status()).isEqualTo(201);
        Caller.Answer again = keyed.post(NOTES, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(retry.text());
        assertThat(again.header("Idempotent-Replayed")).contains("true");

        assertThat(commentsHere("CL000001")).containsOnlyOnce(comments);
        awaitPushedOnce(comments);
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422_and_writes_nothing() {
        Caller keyed = api.staff().with("Idempotency-Key", "reused-key");
        assertThat(keyed.post(NOTES, Map.of("clientId2", "CL000002", "comments", "First body"))
                        .status())
                .isEqualTo(201);
        Caller.Answer other = keyed.post(NOTES, Map.of("clientId2", "CL000002", "comments", "Second body"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(commentsHere("CL000002")).contains("First body").doesNotContain("Second body");
        // Keys are per caller: the admin's "reused-key" is another key.
        assertThat(api.admin()
                        .with("Idempotency-Key", "reused-key")
                        .post(NOTES, Map.of("clientId2", "CL000002", "comments", "Second body"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_create_sent_again_with_the_clients_own_note_id_answers_the_stored_note() throws Exception {
        String noteId = UUID.randomUUID().toString();
        String comments = "Called member; client-made id " + noteId;
        String body = Caller.text(Map.of("clientId2", "CL000003", "comments", comments, "noteId", noteId));
        api.staff().get(NOTES + "?clientId2=CL000003");
        api.emulator.faults(EmulatorOptions.parseFaults("error5xx=1")); // writes stay queued: they can be counted
        try {
            sendAndHangUp(body, "");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> commentsHere("CL000003").contains(comments));

            Caller.Answer retry = api.staff().post(NOTES, body);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.data().path("noteId").asText()).isEqualTo(noteId);
            assertThat(commentsHere("CL000003")).containsOnlyOnce(comments);
            assertThat(api.staff().get("/api/sync/pending").data().findValuesAsText("noteId"))
                    .containsOnlyOnce(noteId);
        } finally {
            api.emulator.faults(EmulatorOptions.parseFaults(""));
        }
        awaitPushedOnce(comments);
        assertThat(api.staff().post(NOTES, body).data().path("noteId").asText()).isEqualTo(noteId);
        assertThat(rowsInCaspio(comments)).isEqualTo(1);
    }

    @Test
    void a_note_id_taken_by_another_member_or_author_or_not_a_uuid_is_refused() {
        String noteId = UUID.randomUUID().toString();
        assertThat(api.staff()
                        .post(NOTES, Map.of("clientId2", "CL000004", "comments", "Mine", "noteId", noteId))
                        .status())
                .isEqualTo(201);
        Caller.Answer otherMember =
                api.staff().post(NOTES, Map.of("clientId2", "CL000001", "comments", "Mine", "noteId", noteId));
        assertThat(otherMember.status()).isEqualTo(409);
        assertThat(otherMember.json().path("code").asText()).isEqualTo("note_id_taken");
        assertThat(api.admin()
                        .post(NOTES, Map.of("clientId2", "CL000004", "comments", "Mine", "noteId", noteId))
                        .status())
                .isEqualTo(409);
        assertThat(api.staff()
                        .post(NOTES, Map.of("clientId2", "CL000004", "comments", "Mine", "noteId", "caspio_12"))
                        .status())
                .isEqualTo(400);
        assertThat(commentsHere("CL000001")).doesNotContain("Mine");
    }
}
