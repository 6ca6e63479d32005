package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.note.Author;
import io.smartsync.note.CaspioRow;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.NoteContent;
import io.smartsync.note.Position;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each operation of the gateway sends exactly the request the sync engine sent before it had one: the
 * same {@code q.select}, {@code q.where}, {@code q.orderBy} and {@code q.limit}, so request counts and bytes
 * (what the benchmarks measure) stay as they were. A small HTTP server records the requests and answers
 * no rows.
 */
class NotesTableRequestsTest {
    private static final String STAMP = "2026-01-17T10:30:00";
    private static final String AFTER_STAMP =
            "(Last_Modified>='" + STAMP + "' AND (Last_Modified>'" + STAMP + "' OR PK_ID>42))";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpClient http;
    private NotesTable notes;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/token", ex -> answer(ex, "{\"access_token\":\"t\",\"expires_in\":86399}"));
        server.createContext("/rest/v2/tables", this::records);
        server.start();
        http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        CaspioClient caspio = new CaspioClient(
                new CaspioConfig(base, "v2", "id", "secret", Duration.ofSeconds(5)),
                new CaspioPolicy(
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofSeconds(5),
                        100,
                        Duration.ofSeconds(1),
                        0,
                        1),
                http,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        NoteFields names = NoteFields.defaults();
        notes = new NotesTable(caspio, new NoteRowMapper(names, TableShape.syncReady(names)));
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    @Test
    void reads_in_cursor_order_send_the_keyset_step_after_the_scope() {
        notes.memberRows(MemberId.of("CL1"), Position.START, 50).next();
        notes.memberRows(MemberId.of("CL1"), Position.of(STAMP, 42), 50).next();
        notes.rows(Position.of(STAMP, 42), 1000).next();
        notes.keys(Position.of(STAMP, 42), 50).next();
        notes.newestKey();

        assertThat(requests)
                .containsExactly(
                        "GET q.where=Client_ID2='CL1'&q.orderBy=Last_Modified ASC, PK_ID ASC&q.limit=50",
                        "GET q.where=Client_ID2='CL1' AND " + AFTER_STAMP
                                + "&q.orderBy=Last_Modified ASC, PK_ID ASC&q.limit=50",
                        "GET q.where=" + AFTER_STAMP + "&q.orderBy=Last_Modified ASC, PK_ID ASC&q.limit=1000",
                        "GET q.select=PK_ID,Client_ID2,Last_Modified&q.where=" + AFTER_STAMP
                                + "&q.orderBy=Last_Modified ASC, PK_ID ASC&q.limit=50",
                        "GET q.select=PK_ID,Client_ID2,Last_Modified&q.orderBy=Last_Modified DESC, PK_ID DESC"
                                + "&q.limit=1");
    }

    @Test
    void counts_and_key_listings_send_one_clause_per_scope() {
        MemberId a = MemberId.of("A");
        notes.count();
        notes.count(a);
        notes.countsByMember(List.of(a, MemberId.of("B")), 9);
        notes.countAfter(Position.START);
        notes.countAfter(Position.of(STAMP, 42));
        notes.pksAbove(Scope.table(), 5, 50);
        notes.pksAbove(Scope.member(a), 5, 50);
        notes.pksAbove(Scope.members(List.of(a)), 5, 50);
        notes.pksAbove(Scope.members(List.of(a, MemberId.of("B"))), 0, 50);

        assertThat(requests)
                .containsExactly(
                        "GET q.select=COUNT(*)",
                        "GET q.select=COUNT(*)&q.where=Client_ID2='A'",
                        "GET q.select=Client_ID2,COUNT(*)&q.where=(Client_ID2='A' OR Client_ID2='B') AND PK_ID<=9"
                                + "&q.groupBy=Client_ID2&q.limit=1000",
                        "GET q.select=COUNT(*)",
                        "GET q.select=COUNT(*)&q.where=" + AFTER_STAMP,
                        "GET q.select=PK_ID&q.where=PK_ID>5&q.orderBy=PK_ID ASC&q.limit=50",
                        "GET q.select=PK_ID&q.where=Client_ID2='A' AND PK_ID>5&q.orderBy=PK_ID ASC&q.limit=50",
                        "GET q.select=PK_ID&q.where=(Client_ID2='A') AND PK_ID>5&q.orderBy=PK_ID ASC&q.limit=50",
                        "GET q.select=PK_ID&q.where=(Client_ID2='A' OR Client_ID2='B') AND PK_ID>0&q.orderBy=PK_ID ASC"
                                + "&q.limit=50");
    }

    @Test
    void rows_by_key_and_the_writes_of_a_push_name_rows_by_key_sync_id_and_stamp() {
        Note note = note();
        notes.rowsByPk(List.of(3L, 4L));
        notes.rowsByPk(List.of());
        notes.rowByPk(7);
        notes.created(note);
        notes.update(7, STAMP, note);
        notes.delete(7, null);

        assertThat(requests)
                .containsExactly(
                        "GET q.where=(PK_ID=3 OR PK_ID=4)&q.limit=1000",
                        "GET q.where=PK_ID=7&q.limit=1",
                        "GET q.where=Sync_ID='" + note.noteId() + "'&q.limit=2",
                        "PUT q.where=PK_ID=7 AND Last_Modified='" + STAMP + "'",
                        "DELETE q.where=PK_ID=7");
    }

    @Test
    void a_webhook_names_rows_by_key_only_and_naming_them_asks_nothing() {
        assertThat(notes.pksNamedBy(List.of(Map.of("PK_ID", 5), Map.of("PK_ID", 3L, "Comments", "ignored"))))
                .containsExactly(5L, 3L);
        assertThatThrownBy(() -> notes.pksNamedBy(List.of(Map.of("PK_ID", "5 OR 1=1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no PK_ID");
        assertThat(requests).isEmpty();
    }

    private static Note note() {
        return Note.written(
                        "0b9a4c52-5a43-4bd6-9d43-0c1d2b0e6f11",
                        MemberId.of("A"),
                        NoteContent.of("text"),
                        new Author("u1", "User One"),
                        null)
                .withCaspio(new CaspioRow(7L, null, STAMP));
    }

    private void records(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        requests.add(ex.getRequestMethod() + " " + (query == null ? "" : query));
        boolean count = query != null && query.contains("COUNT(*)");
        String body = switch (ex.getRequestMethod()) {
            case "GET" -> count ? "{\"Result\":[{\"COUNT(*)\":0}]}" : "{\"Result\":[]}";
            default -> "{\"RecordsAffected\":1}";
        };
        answer(ex, body);
    }

    private static void answer(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
