package io.smartsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartsync.emulator.CaspioEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random writes on both sides of the sync, drawn from one seeded {@link Random}. Not thread-safe. */
final class Workload {
    static final List<String> MEMBERS =
            List.of("CL000001", "CL000002", "CL000003", "CL000004", "CL000005", "CL000006", "CL000007", "CL000008");
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    private final Random rnd;
    private final TestApi api;
    private final CaspioEmulator emulator;
    /** The notes each member's last answer showed: what the app can edit. */
    private final Map<String, List<String>> known = new HashMap<>();

    final Map<String, String> accepted = new HashMap<>();
    final Set<String> deletedByApp = new HashSet<>();
    final Set<String> deletedInCaspio = new HashSet<>();
    int caspioWrites;
    int serverErrors;
    int restarts;
    private int counter;

    Workload(Random rnd, TestApi api, CaspioEmulator emulator) {
        this.rnd = rnd;
        this.api = api;
        this.emulator = emulator;
    }

    void selectAll() {
        MEMBERS.forEach(this::select);
    }

    void step() {
        String member = MEMBERS.get(rnd.nextInt(MEMBERS.size()));
        int dice = rnd.nextInt(100);
        if (dice < 28) {
            create(member);
        } else if (dice < 46) {
            update(member);
        } else if (dice < 52) {
            delete(member);
        } else if (dice < 66) {
            caspioInsert(member);
        } else if (dice < 82) {
            caspioUpdate(member);
        } else if (dice < 86) {
            caspioDelete(member);
        } else {
            select(member);
        }
    }

    void burstOfCreates(int n) {
        for (int i = 0; i < n; i++) {
            create(MEMBERS.get(rnd.nextInt(MEMBERS.size())));
        }
    }

    private void select(String member) {
        TestApi.Answer a = count(api.get("/api/client-notes?clientId2=" + member));
        List<String> ids = new ArrayList<>();
        a.body()
                .path("data")
                .path("notes")
                .forEach(n -> ids.add(n.path("noteId").asText()));
        known.put(member, ids);
    }

    private void create(String member) {
        String text = "app note " + (++counter);
        TestApi.Answer a = count(api.post("/api/client-notes", Map.of("clientId2", member, "comments", text)));
        if (a.status() == 201) {
            String id = a.body().path("data").path("noteId").asText();
            accepted.put(id, text);
            known.computeIfAbsent(member, m -> new ArrayList<>()).add(id);
        }
    }

    private void update(String member) {
        pick(member)
                .ifPresent(id -> count(api.put(
                        "/api/client-notes/" + id,
                        Map.of("clientId2", member, "comments", "app edit " + (++counter)))));
    }

    private void delete(String member) {
        pick(member).ifPresent(id -> {
            if (count(api.delete("/api/client-notes/" + id + "?clientId2=" + member))
                            .status()
                    == 200) {
                deletedByApp.add(id);
                known.get(member).remove(id);
            }
        });
    }

    private java.util.Optional<String> pick(String member) {
        List<String> ids = known.getOrDefault(member, List.of());
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(rnd.nextInt(ids.size())));
    }

    private void caspioInsert(String member) {
        emulator.insert(TABLE, Map.of("Client_ID2", member, "Comments", "caspio note " + (++counter)));
        caspioWrites++;
    }

    private void caspioUpdate(String member) {
        caspioRow(member).ifPresent(row -> {
            emulator.update(TABLE, pk(row), Map.of("Comments", "caspio edit " + (++counter)));
            caspioWrites++;
        });
    }

    private void caspioDelete(String member) {
        caspioRow(member).ifPresent(row -> {
            emulator.delete(TABLE, pk(row));
            Object syncId = row.get("Sync_ID");
            deletedInCaspio.add(
                    syncId == null || syncId.toString().isEmpty() ? "caspio_" + pk(row) : syncId.toString());
            caspioWrites++;
        });
    }

    private java.util.Optional<Map<String, Object>> caspioRow(String member) {
        List<Map<String, Object>> rows = emulator.rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .toList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(rnd.nextInt(rows.size())));
    }

    private static long pk(Map<String, Object> row) {
        return ((Number) row.get("PK_ID")).longValue();
    }

    private TestApi.Answer count(TestApi.Answer a) {
        if (a.status() >= 500) {
            serverErrors++;
            JsonNode body = a.body();
            System.out.println("service answered " + a.status() + ": " + body);
        }
        return a;
    }
}
