package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The two exact counters behind {@code dataTransferSaved}: what a full reload of the member would have
 * fetched at each served visit, and every byte exchanged with Caspio. Each runs inside the caller's
 * transaction.
 */
final class TransferSql {
    /** Rows per answer of a full reload: Caspio's largest page. */
    static final int RELOAD_PAGE = 1000;

    /** {@code {"Result":[} and {@code ]}} around each page of rows. */
    private static final int PAGE_FRAME = "{\"Result\":[]}".length();

    static final String CASPIO = "caspio";
    static final String CLEARED_RELOAD = "cleared_reload";

    private TransferSql() {}

    /** Records each row's size as its latest full read answered it; one batch. */
    static void recordRowBytes(Handle h, Map<Long, Integer> bytesByPk) {
        if (bytesByPk.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO caspio_row_bytes (pk_id, bytes) VALUES (?, ?)"
                + " ON CONFLICT (pk_id) DO UPDATE SET bytes = excluded.bytes";
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            for (Map.Entry<Long, Integer> e : bytesByPk.entrySet()) {
                st.setLong(1, e.getKey());
                st.setInt(2, e.getValue());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(
                    "recording the size of " + bytesByPk.size() + " Caspio rows: " + e.getMessage(), e);
        }
    }

    /**
     * The byte size of Caspio's answer to "every row of this member" now, from the stored rows: each live
     * note that Caspio holds, at the size its latest read had, in pages of {@value #RELOAD_PAGE} rows with
     * their frame and the commas between rows. Rows stored before the sizes were kept count once re-read.
     */
    static long fullAnswerBytes(Handle h, MemberId member) {
        long[] rowsAndBytes = h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(b.bytes), 0) AS bytes FROM notes n"
                        + " JOIN caspio_row_bytes b ON b.pk_id = n.pk_id"
                        + " WHERE n.client_id2 = :m AND n.deleted = FALSE")
                .bind("m", member.value())
                .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("bytes")})
                .one();
        long rows = rowsAndBytes[0];
        long pages = Math.max(1, (rows + RELOAD_PAGE - 1) / RELOAD_PAGE);
        return pages * PAGE_FRAME + rowsAndBytes[1] + Math.max(0, rows - pages);
    }

    static void add(Handle h, String counter, long bytes) {
        h.createUpdate("INSERT INTO transfer_totals (name, bytes) VALUES (:name, :bytes)"
                        + " ON CONFLICT (name) DO UPDATE SET bytes = transfer_totals.bytes + excluded.bytes")
                .bind("name", counter)
                .bind("bytes", bytes)
                .execute();
    }

    /** Adds the member's reload bytes to the service-wide total before its status row goes. */
    static void keepReloadOfCleared(Handle h, MemberId member) {
        long bytes = h.createQuery("SELECT reload_bytes FROM member_sync_status WHERE client_id2 = :m")
                .bind("m", member.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
        if (bytes > 0) {
            add(h, CLEARED_RELOAD, bytes);
        }
    }

    /** What full reloads would have fetched for every visit served, and every byte exchanged with Caspio. */
    static long[] totals(Handle h) {
        long reload = h.createQuery("SELECT COALESCE(SUM(reload_bytes), 0) FROM member_sync_status")
                .mapTo(Long.class)
                .one();
        long cleared = counter(h, CLEARED_RELOAD);
        return new long[] {reload + cleared, counter(h, CASPIO)};
    }

    private static long counter(Handle h, String name) {
        return h.createQuery("SELECT bytes FROM transfer_totals WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }
}
