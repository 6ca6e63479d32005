package io.smartsync.cli.soak;

import io.smartsync.emulator.CaspioEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random writes on both sides of the sync, drawn from one seeded {@link Random}: creates, edits and deletes
 * through the service's API, inserts, edits and deletes in Caspio directly, and reads. Every text is unique
 * to its write, so a duplicate row can be told by content as well as by sync id. Not thread-safe.
 */
final class SoakWorkload {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    private final Random rnd;
    private final long seed;
    private final Supplier<SoakApi> service;
    private final CaspioEmulator caspio;
    private final List<String> members;
    private final Ledger ledger;
    private final Duration caspioSkew;
    /** The notes each member's last answer showed, plus those created since: what the app can edit. */
    private final Map<String, List<String>> known = new HashMap<>();

    /**
     * @param service a service instance that is up, picked anew for each call
     * @param caspioSkew how far the emulator's clock runs off (its stamps are on that clock)
     */
    SoakWorkload(
            Random rnd,
            long seed,
            Supplier<SoakApi> service,
            CaspioEmulator caspio,
            List<String> members,
            Ledger ledger,
            Duration caspioSkew) {
        this.rnd = rnd;
        this.seed = seed;
        this.service = service;
        this.caspio = caspio;
        this.members = members;
        this.ledger = ledger;
        this.caspioSkew = caspioSkew;
    }

    void selectAll() {
        members.forEach(this::select);
    }

    void step() {
        ledger.ops++;
        String member = members.get(rnd.nextInt(members.size()));
        int dice = rnd.nextInt(100);
        if (dice < 30) {
            create(member);
        } else if (dice < 46) {
            edit(member);
        } else if (dice < 53) {
            delete(member);
        } else if (dice < 67) {
            caspioInsert(member);
        } else if (dice < 82) {
            caspioEdit(member);
        } else if (dice < 86) {
            caspioDelete(member);
        } else {
            select(member);
        }
    }

    /** Creates in a row, so that a kill right after lands while the pusher is busy with them. */
    void burstOfCreates(int n) {
        for (int i = 0; i < n; i++) {
            ledger.ops++;
            create(members.get(rnd.nextInt(members.size())));
        }
    }

    private String text(String what) {
        return "soak " + seed + " op " + ledger.ops + " " + what;
    }

    private void select(String member) {
        SoakApi.Answer a = count(service.get().get("/api/client-notes?clientId2=" + member));
        if (a.status() == 200) {
            List<String> ids = new ArrayList<>();
            a.body()
                    .path("data")
                    .path("notes")
                    .forEach(n -> ids.add(n.path("noteId").asText()));
            known.put(member, ids);
        }
    }

    private void create(String member) {
        String text = text("create");
        ledger.appTexts.add(text);
        SoakApi.Answer a =
                count(service.get().post("/api/client-notes", Map.of("clientId2", member, "comments", text)));
        if (a.status() == 201) {
            String id = a.body().path("data").path("noteId").asText();
            ledger.accepted.put(id, new Ledger.Accepted(member, text));
            known.computeIfAbsent(member, m -> new ArrayList<>()).add(id);
        }
    }

    private void edit(String member) {
        pick(member).ifPresent(id -> {
            String text = text("edit");
            ledger.appTexts.add(text);
            count(service.get().put("/api/client-notes/" + id, Map.of("clientId2", member, "comments", text)));
        });
    }

    private void delete(String member) {
        pick(member).ifPresent(id -> {
            if (count(service.get().delete("/api/client-notes/" + id + "?clientId2=" + member))
                            .status()
                    == 200) {
                ledger.deleted.add(id);
                ledger.deletedByApp.add(id);
                known.get(member).remove(id);
            }
        });
    }

    private Optional<String> pick(String member) {
        List<String> ids = known.getOrDefault(member, List.of());
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(rnd.nextInt(ids.size())));
    }

    private void caspioInsert(String member) {
        caspio.insert(TABLE, Map.of("Client_ID2", member, "Comments", text("caspio insert"), "User_ID", "caspio"));
        ledger.caspioWrites++;
    }

    /**
     * Edits a row in Caspio, unless it was stamped in this second of Caspio's clock: two writes to one row
     * within a second cannot be told apart by its stamp, a documented limit no service can see past.
     */
    private void caspioEdit(String member) {
        caspioRow(member).ifPresent(row -> {
            if (stampedThisSecond(row)) {
                ledger.sameSecondEditsSkipped++;
                return;
            }
            caspio.update(TABLE, pk(row), Map.of("Comments", text("caspio edit")));
            ledger.caspioWrites++;
        });
    }

    /**
     * Deletes a row in Caspio, unless the service holds the note's create as unconfirmed and has not seen its
     * row yet (or cannot be asked): see {@link Ledger#unseenDeletesSkipped}.
     */
    private void caspioDelete(String member) {
        caspioRow(member).ifPresent(row -> {
            if (unseenHere(member, noteId(row))) {
                ledger.unseenDeletesSkipped++;
                return;
            }
            caspio.delete(TABLE, pk(row));
            ledger.deleted.add(noteId(row));
            ledger.caspioWrites++;
        });
    }

    /** The service answers the note without a Caspio key: its create is unconfirmed and no read saw its row. */
    private boolean unseenHere(String member, String noteId) {
        try {
            SoakApi.Answer a = service.get().get("/api/client-notes?clientId2=" + member);
            if (a.status() != 200) {
                return true;
            }
            for (var note : a.body().path("data").path("notes")) {
                if (noteId.equals(note.path("noteId").asText())) {
                    return noteId.equals(note.path("id").asText());
                }
            }
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A row of the member that the app has not deleted (its delete may still be on the way). */
    private Optional<Map<String, Object>> caspioRow(String member) {
        List<Map<String, Object>> rows = caspio.rows(TABLE).stream()
                .filter(r -> member.equals(r.get("Client_ID2")))
                .filter(r -> !ledger.deletedByApp.contains(noteId(r)))
                .toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rnd.nextInt(rows.size())));
    }

    private boolean stampedThisSecond(Map<String, Object> row) {
        Object stamp = row.get("Last_Modified");
        if (stamp == null) {
            return false;
        }
        Instant at = LocalDateTime.parse(stamp.toString()).toInstant(ZoneOffset.UTC);
        Instant caspioNow = Instant.now().plus(caspioSkew).truncatedTo(ChronoUnit.SECONDS);
        return !at.isBefore(caspioNow.minusSeconds(1));
    }

    /** The note id the service gives a Caspio row: its sync id, else {@code caspio_<PK_ID>}. */
    static String noteId(Map<String, Object> row) {
        Object syncId = row.get("Sync_ID");
        return syncId == null || syncId.toString().isEmpty() ? "caspio_" + pk(row) : syncId.toString();
    }

    static long pk(Map<String, Object> row) {
        return ((Number) row.get("PK_ID")).longValue();
    }

    private SoakApi.Answer count(SoakApi.Answer a) {
        if (a.status() >= 500) {
            ledger.serverErrors++;
        }
        return a;
    }
}
