package io.smartsync.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The statements on {@code table_cursors}. */
final class CursorSql {
    private CursorSql() {}

    static Optional<TableCursor> find(Handle h, String name) {
        // Positional: every member read runs it.
        return Sql.query(
                        h,
                        "SELECT stamp, pk, started_at, finished_at FROM table_cursors WHERE name = ?",
                        List.of(name),
                        rs -> new TableCursor(
                                rs.getString("stamp"),
                                rs.getLong("pk"),
                                Sql.instant(rs, "started_at"),
                                Sql.instant(rs, "finished_at")))
                .stream()
                .findFirst();
    }

    static void save(Handle h, String name, TableCursor c) {
        h.createUpdate("INSERT INTO table_cursors (name, stamp, pk, started_at, finished_at)"
                        + " VALUES (:name, :stamp, :pk, :started, :finished) ON CONFLICT (name) DO UPDATE SET"
                        + " stamp = excluded.stamp, pk = excluded.pk, started_at = excluded.started_at,"
                        + " finished_at = excluded.finished_at")
                .bind("name", name)
                .bind("stamp", c.stamp())
                .bind("pk", c.pk())
                .bind("started", Sql.millis(c.coversSince()))
                .bind("finished", Sql.millis(c.finishedAt()))
                .execute();
    }
}
