package io.smartsync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes that the {@code lateCommit} fault keeps from readers for a while. A late insert is hidden; a
 * late update leaves readers seeing the row as it was before. Both stay so until their stamp plus the
 * lag, so a reader can meet rows with later stamps first, as when a Caspio transaction commits late.
 * Writers see the truth (a real database would make them wait for the commit), and a write that is not
 * late makes the row visible at once, since it could not have committed before the earlier one.
 * Registered inside the write's transaction, so no reader sees the new version early. Kept in memory:
 * a restart makes everything visible. Thread-safe.
 */
final class LateCommits {

    /** {@code before} is null for a late insert: nothing to show until it is visible. */
    private record Pending(Instant visibleAt, Map<String, Object> before) {}

    /** What reads must leave out ({@code hidden}) and the earlier versions they see instead. */
    record View(List<Long> hidden, List<Map<String, Object>> before) {
        static final View NONE = new View(List.of(), List.of());
    }

    private final Map<String, Map<Long, Pending>> tables = new HashMap<>();

    synchronized void hideInsert(String table, long pk, Instant visibleAt) {
        pending(table).put(pk, new Pending(visibleAt, null));
    }

    /** {@code before} maps each updated PK_ID to the row's stored values (by field name) before the update. */
    synchronized void holdBack(String table, Map<Long, Map<String, Object>> before, Instant visibleAt) {
        Map<Long, Pending> pending = pending(table);
        before.forEach((pk, row) -> pending.merge(
                pk,
                new Pending(visibleAt, row),
                (earlier, later) -> new Pending(
                        later.visibleAt().isAfter(earlier.visibleAt()) ? later.visibleAt() : earlier.visibleAt(),
                        earlier.before())));
    }

    synchronized void release(String table, Collection<Long> pks) {
        Map<Long, Pending> pending = tables.get(table);
        if (pending != null) {
            pks.forEach(pending::remove);
        }
    }

    synchronized View view(String table, Instant now) {
        Map<Long, Pending> pending = tables.get(table);
        if (pending == null || pending.isEmpty()) {
            return View.NONE;
        }
        pending.values().removeIf(p -> !now.isBefore(p.visibleAt()));
        List<Long> hidden = new ArrayList<>(pending.keySet());
        List<Map<String, Object>> before = new ArrayList<>();
        for (Pending p : pending.values()) {
            if (p.before() != null) {
                before.add(p.before());
            }
        }
        return new View(hidden, before);
    }

    synchronized void clear() {
        tables.clear();
    }

    private Map<Long, Pending> pending(String table) {
        return tables.computeIfAbsent(table, t -> new HashMap<>());
    }
}
