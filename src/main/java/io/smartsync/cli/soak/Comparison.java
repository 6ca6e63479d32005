package io.smartsync.cli.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges a store against Caspio and the workload's ledger: what is lost, duplicated, resurrected, and which
 * members differ. Names notes by id only. Stateless.
 */
final class Comparison {
    /** Problem lines kept in a report; the counts are always complete. */
    private static final int MAX_PROBLEMS = 40;

    record Result(
            int lost,
            int duplicated,
            int duplicatedBySyncId,
            int duplicatedByContent,
            int resurrected,
            int membersDiffering,
            List<String> problems) {
        boolean clean() {
            return lost == 0 && duplicated == 0 && resurrected == 0 && membersDiffering == 0;
        }
    }

    private Comparison() {}

    static Result of(
            StorePeek.Snapshot store, List<Map<String, Object>> caspioRows, Ledger ledger, List<String> members) {
        List<String> problems = new ArrayList<>();
        Set<Long> extraBySyncId = extraRows(caspioRows, r -> nonEmpty(r.get("Sync_ID")));
        Set<Long> extraByContent = extraRows(
                caspioRows,
                r -> ledger.appTexts.contains(String.valueOf(r.get("Comments")))
                        ? r.get("Client_ID2") + "\u0000" + r.get("Comments") + "\u0000" + r.get("User_ID")
                        : null);
        Set<Long> extra = new TreeSet<>(extraBySyncId);
        extra.addAll(extraByContent);
        Map<Long, String> idOfPk = new HashMap<>();
        caspioRows.forEach(r -> idOfPk.put(SoakWorkload.pk(r), SoakWorkload.noteId(r)));
        extra.forEach(pk -> note(problems, "duplicated: note " + idOfPk.get(pk) + " has a second row, PK_ID " + pk));

        Set<String> liveInCaspio = new HashSet<>(idOfPk.values());
        int lost = lost(store, liveInCaspio, ledger, problems);
        int resurrected = resurrected(store, liveInCaspio, ledger, problems);
        int differing = differing(store, caspioRows, members, problems);
        return new Result(
                lost, extra.size(), extraBySyncId.size(), extraByContent.size(), resurrected, differing, problems);
    }

    /** Notes accepted here and not deleted since that are missing in Caspio or the store. */
    private static int lost(StorePeek.Snapshot store, Set<String> liveInCaspio, Ledger ledger, List<String> problems) {
        int lost = 0;
        for (Map.Entry<String, Ledger.Accepted> a : new TreeMap<>(ledger.accepted).entrySet()) {
            String id = a.getKey();
            if (ledger.deleted.contains(id)) {
                continue;
            }
            StorePeek.Stored stored = store.notes().get(id);
            boolean inStore = stored != null && !stored.deleted();
            if (!liveInCaspio.contains(id) || !inStore) {
                lost++;
                note(
                        problems,
                        "lost: note " + id + " of " + a.getValue().member() + " (in Caspio: "
                                + liveInCaspio.contains(id) + ", in the store: "
                                + (stored == null ? "no" : stored.deleted() ? "tombstone" : "live") + ")");
            }
        }
        return lost;
    }

    /** Deleted notes that are live again, here or in Caspio. */
    private static int resurrected(
            StorePeek.Snapshot store, Set<String> liveInCaspio, Ledger ledger, List<String> problems) {
        int resurrected = 0;
        for (String id : new TreeSet<>(ledger.deleted)) {
            StorePeek.Stored stored = store.notes().get(id);
            boolean liveHere = stored != null && !stored.deleted();
            if (liveHere || liveInCaspio.contains(id)) {
                resurrected++;
                note(
                        problems,
                        "resurrected: note " + id + " deleted "
                                + (ledger.deletedByApp.contains(id) ? "here" : "in Caspio")
                                + " is live again (in the store: " + liveHere + ", in Caspio: "
                                + liveInCaspio.contains(id) + ")");
            }
        }
        return resurrected;
    }

    /** Members whose live notes (ids and comments) differ between the store and Caspio. */
    private static int differing(
            StorePeek.Snapshot store,
            List<Map<String, Object>> caspioRows,
            List<String> members,
            List<String> problems) {
        int differing = 0;
        for (String member : members) {
            Map<String, String> local = new TreeMap<>();
            store.notes().values().stream()
                    .filter(n -> member.equals(n.member()) && !n.deleted())
                    .forEach(n -> local.put(n.noteId(), n.comments()));
            Map<String, String> remote = new TreeMap<>();
            caspioRows.stream()
                    .filter(r -> member.equals(String.valueOf(r.get("Client_ID2"))))
                    .forEach(r -> remote.put(SoakWorkload.noteId(r), Objects.toString(r.get("Comments"), "")));
            if (!local.equals(remote)) {
                differing++;
                note(problems, "member " + member + " differs: " + describe(local, remote));
            }
        }
        return differing;
    }

    /** Ids only: only in the store, only in Caspio, and with other comments on each side. */
    private static String describe(Map<String, String> local, Map<String, String> remote) {
        Set<String> onlyLocal = new TreeSet<>(local.keySet());
        onlyLocal.removeAll(remote.keySet());
        Set<String> onlyRemote = new TreeSet<>(remote.keySet());
        onlyRemote.removeAll(local.keySet());
        Set<String> changed = new TreeSet<>();
        local.forEach((id, text) -> {
            if (remote.containsKey(id) && !remote.get(id).equals(text)) {
                changed.add(id);
            }
        });
        return "only in the store " + onlyLocal + ", only in Caspio " + onlyRemote + ", other comments " + changed;
    }

    /** PK_IDs of the rows after the first of each group; rows with a null key belong to no group. */
    private static Set<Long> extraRows(
            List<Map<String, Object>> rows, java.util.function.Function<Map<String, Object>, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        Set<Long> extra = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            String k = key.apply(r);
            if (k != null && seen.merge(k, 1, Integer::sum) > 1) {
                extra.add(SoakWorkload.pk(r));
            }
        }
        return extra;
    }

    private static String nonEmpty(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static void note(List<String> problems, String line) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(line);
        }
    }
}
