package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request shape the app's current code sends to {@code /api/client-notes}, against the service over
 * real HTTP with the emulator behind it, the answers checked field by field against the app's own route
 * (jcbloome/Calaim-Application-Tracker, src/app/api/client-notes/route.ts at 1b9ad988, the version stored
 * for 90ec0dae). The shapes, and where the app sends them:
 *
 * <ol>
 *   <li>GET ?clientId2=X&amp;includeAll=true: src/lib/member-notes-sync.ts, performInitialSync
 *   <li>GET ?clientId2=X&amp;since=ISO: member-notes-sync.ts, checkForNewNotes (reads lastModified)
 *   <li>GET ?clientId2=X: the member notes window (MemberNotesModal), fetchMemberNotes
 *   <li>GET ?clientId2=X&amp;forceRefresh=true&amp;includeAll=true: the member card's forced sync
 *   <li>GET ?clientId2=X&amp;forceRefresh=true: the client notes page's refresh
 *   <li>GET ?clientId2=X&amp;months=3[&amp;forceRefresh=true]: the "recent notes" dialog
 *   <li>GET ?clientId2=X&amp;userId=U[&amp;since=S] and GET ?userId=U: the notes page's fetchNotes
 *   <li>POST {clientId2, comments, followUpDate:"", followUpAssignment:"", followUpStatus:"Open"}: the
 *       member notes window's createNote
 *   <li>POST {clientId2, comments, followUpStatus, followUpDate:null, actorName, actorEmail}: the staff
 *       notes page
 *   <li>POST {clientId2, comments, followUpStatus:"🟡 Priority"}: the desktop notification's reply
 *   <li>PUT (no path) {noteId, clientId2, followUpStatus:"Closed", actorName, actorEmail}: the follow-up
 *       list's close
 *   <li>PUT (no path) {noteId, clientId2, followUpDate} and {…, followUpAssignment}: route.ts's PUT
 *   <li>PUT /{noteId} {noteId, clientId2, timestamp}: member-notes-sync.ts's offline queue (names nothing)
 *   <li>DELETE /{noteId} with no body: member-notes-sync.ts's offline queue
 *   <li>DELETE (no path) {noteId, clientId2, actorName, actorEmail}: route.ts's DELETE
 * </ol>
 */
class AppDropInTest {
    private static final String MEMBER = "CL000001";

    @TempDir
    Path dir;

    private ApiFixture api;
    private Caller staff;

    @BeforeEach
    void start() {
        api = ApiFixture.start(dir, 3);
        staff = api.staff();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_member_reads_answer_in_the_apps_shape_with_each_note_once_per_group() {
        JsonNode data = ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        assertThat(fieldNames(data)).containsAll(AppShape.ANSWER_FIELDS);
        assertThat(data.path("sourceTable").asText()).isEqualTo(CaspioEmulator.NOTES_TABLE);
        JsonNode notes = data.path("notes");
        assertThat(notes.size()).isPositive().isEqualTo(data.path("totalNotes").asInt());
        for (JsonNode n : notes) {
            assertThat(fieldNames(n)).containsAll(AppShape.NOTE_FIELDS);
            assertThat(n.path("clientId2").asText()).isEqualTo(MEMBER);
            assertThat(n.path("seniorFirst").asText()).isEmpty();
            assertThat(n.path("seniorLast").asText()).isEmpty();
            assertThat(n.path("userRole").asText()).isEmpty();
            assertThat(n.path("userFirst").asText())
                    .isEqualTo(n.path("userFullName").asText().split("\\s+")[0]);
            Map<String, Object> row = rowOf(n.path("id").asLong());
            assertThat(n.has("lastModified"))
                    .as("lastModified only for a note edited after creation")
                    .isEqualTo(!row.get("Last_Modified").equals(row.get("Time_Stamp")));
        }
        assertThat(data.path("clients").asInt()).isEqualTo(1);
        JsonNode group = data.path("notesByClient").path(MEMBER);
        assertThat(group.path("clientId2").asText()).isEqualTo(MEMBER);
        assertThat(group.path("notes")).isEqualTo(notes);
        assertThat(group.path("totalNotes").asInt()).isEqualTo(notes.size());
        assertThat(group.path("newNotes").asInt())
                .isEqualTo(data.path("newNotes").asInt());
        int byUser = 0;
        for (JsonNode user : data.path("notesByUser")) {
            assertThat(user.path("userRole").asText()).isEmpty();
            assertThat(user.path("totalNotes").asInt())
                    .isEqualTo(user.path("notes").size());
            for (JsonNode n : user.path("notes")) {
                assertThat(n.path("userId").asText())
                        .isEqualTo(user.path("userId").asText());
            }
            byUser += user.path("totalNotes").asInt();
        }
        assertThat(byUser).isEqualTo(notes.size());
        assertThat(data.path("assignedUsers").asInt())
                .isEqualTo(data.path("notesByUser").size());
        for (JsonNode u : data.path("users")) {
            assertThat(fieldNames(u)).containsExactly("userId", "userFullName", "role");
            assertThat(u.path("role").asText()).isEqualTo("Staff");
        }

        // The other reads of a member: the window's plain read, the forced refreshes, and months.
        assertThat(ok(staff.get("/api/client-notes?clientId2=" + MEMBER))
                        .path("totalNotes")
                        .asInt())
                .isEqualTo(notes.size());
        assertThat(ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&forceRefresh=true&includeAll=true"))
                        .path("totalNotes")
                        .asInt())
                .isEqualTo(notes.size());
        assertThat(ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&forceRefresh=true"))
                        .path("totalNotes")
                        .asInt())
                .isEqualTo(notes.size());
        JsonNode recent = ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&months=3&forceRefresh=true"));
        Instant window = Instant.now().minus(Duration.ofDays(90)).minusSeconds(60);
        for (JsonNode n : recent.path("notes")) {
            assertThat(Instant.parse(n.path("timeStamp").asText())).isAfter(window);
        }
        long inWindow = stream(notes)
                .filter(n -> Instant.parse(n.path("timeStamp").asText()).isAfter(window.plusSeconds(120)))
                .count();
        assertThat(recent.path("totalNotes").asLong()).isGreaterThanOrEqualTo(inWindow);
        assertThat(staff.get("/api/client-notes?clientId2=" + MEMBER + "&months=25")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_create_with_status_open_lands_in_caspio_exactly_once_with_the_caller_as_author() {
        ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        String text = "Called member about transport " + System.nanoTime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId2", MEMBER);
        body.put("comments", text);
        body.put("followUpDate", "");
        body.put("followUpAssignment", "");
        body.put("followUpStatus", "Open");
        body.put("userId", "someone-else");
        Caller.Answer created = staff.post("/api/client-notes", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String noteId = created.data().path("noteId").asText();
        assertThat(created.data().path("followUpStatus").asText()).isEqualTo("Open");
        assertThat(created.data().path("userId").asText()).isEqualTo("staff-1");

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsWith(text).size() == 1);
        staff.post("/api/sync/process", "{}");
        List<Map<String, Object>> rows = rowsWith(text);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("Follow_Up_Status")).isEqualTo("Open");
        assertThat(rows.getFirst().get("User_ID")).isEqualTo("staff-1");

        JsonNode staffPage = ok(staff.post("/api/client-notes", staffPageBody()));
        assertThat(staffPage.path("followUpStatus").asText()).isEqualTo("Closed");
        JsonNode reply = ok(staff.post(
                "/api/client-notes",
                Map.of(
                        "clientId2",
                        MEMBER,
                        "comments",
                        "Reply from the desktop pill",
                        "followUpStatus",
                        "🟡 Priority")));
        assertThat(reply.path("followUpStatus").asText()).isEqualTo("🟡 Priority");
        JsonNode audit = ok(api.admin().get("/api/audit?action=notes.create"));
        assertThat(stream(audit.path("entries")).map(e -> e.path("outcome").asText()))
                .anyMatch(o -> o.equals("ok (app actor: Jane Doe <jane@example.org>)"));
        assertThat(stream(audit.path("entries")).map(e -> e.path("actor").asText()))
                .containsOnly("staff-1");
        assertThat(ok(staff.get("/api/client-notes?clientId2=" + MEMBER)).path("notes"))
                .anyMatch(n -> n.path("noteId").asText().equals(noteId));
    }

    @Test
    void partial_puts_by_body_change_only_the_named_field_here_and_in_caspio() {
        ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        String text = "Follow up on housing paperwork " + System.nanoTime();
        JsonNode created = ok(staff.post(
                "/api/client-notes",
                Map.of(
                        "clientId2", MEMBER,
                        "comments", text,
                        "followUpStatus", "Open",
                        "followUpDate", "2026-02-01",
                        "followUpAssignment", "nurse.kim")));
        String noteId = created.path("noteId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsWith(text).size() == 1);

        Caller.Answer closed = staff.put(
                "/api/client-notes",
                Map.of(
                        "noteId", noteId,
                        "clientId2", MEMBER,
                        "followUpStatus", "Closed",
                        "actorName", "Jane Doe",
                        "actorEmail", "jane@example.org"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.data().path("followUpStatus").asText()).isEqualTo("Closed");
        assertThat(closed.data().path("followUpDate").asText()).isEqualTo("2026-02-01T00:00:00");
        assertThat(closed.data().path("followUpAssignment").asText()).isEqualTo("nurse.kim");
        assertThat(closed.data().path("comments").asText()).isEqualTo(text);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "Closed".equals(rowsWith(text).getFirst().get("Follow_Up_Status")));
        Map<String, Object> row = rowsWith(text).getFirst();
        assertThat(row.get("Follow_Up_Date")).isEqualTo("2026-02-01T00:00:00");
        assertThat(row.get("Follow_Up_Assignment")).isEqualTo("nurse.kim");

        JsonNode dated = ok(staff.put(
                "/api/client-notes", Map.of("noteId", noteId, "clientId2", MEMBER, "followUpDate", "2026-03-05")));
        assertThat(dated.path("followUpStatus").asText()).isEqualTo("Closed");
        Map<String, Object> unassign = new LinkedHashMap<>();
        unassign.put("noteId", noteId);
        unassign.put("clientId2", MEMBER);
        unassign.put("followUpAssignment", null);
        JsonNode unassigned = ok(staff.put("/api/client-notes", unassign));
        assertThat(unassigned.path("followUpAssignment").isNull()).isTrue();
        assertThat(unassigned.path("followUpDate").asText()).isEqualTo("2026-03-05T00:00:00");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Object> r = rowsWith(text).getFirst();
            return "2026-03-05T00:00:00".equals(r.get("Follow_Up_Date")) && r.get("Follow_Up_Assignment") == null;
        });
        assertThat(rowsWith(text).getFirst().get("Follow_Up_Status")).isEqualTo("Closed");
        assertThat(rowsWith(text)).hasSize(1);

        Caller.Answer nothing = staff.put(
                "/api/client-notes/" + noteId,
                Map.of("noteId", noteId, "clientId2", MEMBER, "timestamp", "2026-01-17T10:30:00.000Z"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().path("error").asText()).startsWith("No updates provided");
        assertThat(staff.put("/api/client-notes", Map.of("clientId2", MEMBER, "followUpStatus", "Closed"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void since_answers_lastModified_only_for_notes_edited_after_creation() {
        ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        String text = "Edited later " + System.nanoTime();
        String noteId = ok(staff.post("/api/client-notes", Map.of("clientId2", MEMBER, "comments", text)))
                .path("noteId")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsWith(text).size() == 1);
        JsonNode fresh = note(ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&forceRefresh=true")), noteId);
        assertThat(fresh.has("lastModified"))
                .as("a new note is not also an updated one")
                .isFalse();

        long pk = ((Number) rowsWith(text).getFirst().get("PK_ID")).longValue();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            // Caspio's stamps have whole seconds: an edit in a later second moves Last_Modified past Time_Stamp.
            api.emulator.update(CaspioEmulator.NOTES_TABLE, pk, Map.of("Follow_Up_Status", "Closed"));
            Map<String, Object> r = rowsWith(text).getFirst();
            return !r.get("Last_Modified").equals(r.get("Time_Stamp"));
        });
        String since = Instant.now().minusSeconds(3600).toString();
        JsonNode edited = note(
                ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&forceRefresh=true&since=" + since)), noteId);
        assertThat(edited.path("followUpStatus").asText()).isEqualTo("Closed");
        assertThat(Instant.parse(edited.path("lastModified").asText()))
                .isAfter(Instant.parse(edited.path("timeStamp").asText()));
    }

    @Test
    void user_reads_and_deletes_by_path_and_by_body_work_as_the_app_sends_them() {
        JsonNode all = ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        int rowsBefore = api.emulator.rows(CaspioEmulator.NOTES_TABLE).size();
        String someone = all.path("notes").get(0).path("userId").asText();
        JsonNode theirs = ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&userId=" + someone));
        assertThat(theirs.path("totalNotes").asInt()).isPositive();
        assertThat(stream(theirs.path("notes")))
                .allMatch(n -> n.path("userId").asText().equals(someone));
        assertThat(theirs.path("notesByUser").size()).isEqualTo(1);

        JsonNode byAuthor = ok(staff.get("/api/client-notes?userId=" + someone + "&limit=1"));
        assertThat(byAuthor.path("notes").size()).isEqualTo(1);
        assertThat(byAuthor.path("page").path("limit").asInt()).isEqualTo(1);
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ok(staff.get(
                    "/api/client-notes?userId=" + someone + "&limit=2" + (next == null ? "" : "&after=" + next)));
            stream(page.path("notes")).forEach(n -> paged.add(n.path("noteId").asText()));
            next = page.path("page").path("next").isNull()
                    ? null
                    : page.path("page").path("next").asText();
        } while (next != null);
        assertThat(paged)
                .doesNotHaveDuplicates()
                .hasSize(theirs.path("totalNotes").asInt());
        assertThat(staff.get("/api/client-notes").status()).isEqualTo(400);

        String first = all.path("notes").get(0).path("noteId").asText();
        String second = all.path("notes").get(1).path("noteId").asText();
        assertThat(staff.delete("/api/client-notes/" + first).status()).isEqualTo(200);
        Caller.Answer byBody = staff.send(
                "DELETE",
                "/api/client-notes",
                Map.of(
                        "noteId",
                        second,
                        "clientId2",
                        MEMBER,
                        "actorName",
                        "Jane Doe",
                        "actorEmail",
                        "jane@example.org"));
        assertThat(byBody.status()).as(byBody.text()).isEqualTo(200);
        assertThat(staff.send("DELETE", "/api/client-notes", Map.of("noteId", second))
                        .status())
                .isEqualTo(400);
        JsonNode after = ok(staff.get("/api/client-notes?clientId2=" + MEMBER + "&includeAll=true"));
        assertThat(stream(after.path("notes")).map(n -> n.path("noteId").asText()))
                .doesNotContain(first, second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.emulator.rows(CaspioEmulator.NOTES_TABLE).size() == rowsBefore - 2);
    }

    private static Map<String, Object> staffPageBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId2", MEMBER);
        body.put("comments", "Closed after the visit");
        body.put("followUpStatus", "Closed");
        body.put("followUpDate", null);
        body.put("actorName", "Jane Doe");
        body.put("actorEmail", "jane@example.org");
        return body;
    }

    private List<Map<String, Object>> rowsWith(String comments) {
        return api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> comments.equals(r.get("Comments")))
                .toList();
    }

    private Map<String, Object> rowOf(long pk) {
        return api.emulator.rows(CaspioEmulator.NOTES_TABLE).stream()
                .filter(r -> ((Number) r.get("PK_ID")).longValue() == pk)
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode note(JsonNode data, String noteId) {
        return stream(data.path("notes"))
                .filter(n -> n.path("noteId").asText().equals(noteId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no note " + noteId + " in " + data));
    }

    private static JsonNode ok(Caller.Answer a) {
        assertThat(a.status()).as(a.text()).isBetween(200, 201);
        assertThat(a.json().path("success").asBoolean()).isTrue();
        return a.data();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
