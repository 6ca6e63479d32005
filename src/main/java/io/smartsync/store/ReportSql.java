package io.smartsync.store;

import java.time.YearMonth;
import org.jdbi.v3.core.Handle;

/** The read-only statements behind {@link Reports}, plus the monthly Caspio usage counter. */
final class ReportSql {
    private ReportSql() {}

    static QueueStats queue(Handle h) {
        return h.createQuery("SELECT COALESCE(SUM(CASE WHEN failed = FALSE THEN 1 ELSE 0 END), 0) AS pending,"
                        + " COALESCE(SUM(CASE WHEN failed THEN 1 ELSE 0 END), 0) AS parked,"
                        + " MIN(CASE WHEN failed = FALSE THEN queued_at END) AS oldest FROM outbox")
                .map((rs, ctx) -> new QueueStats(rs.getInt("pending"), rs.getInt("parked"), Sql.instant(rs, "oldest")))
                .one();
    }

    static SyncTotals totals(Handle h, YearMonth month) {
        int[] members = h.createQuery("SELECT COUNT(*) AS total,"
                        + " COALESCE(SUM(CASE WHEN initial_sync_completed = TRUE THEN 1 ELSE 0 END), 0) AS synced"
                        + " FROM member_sync_status")
                .map((rs, ctx) -> new int[] {rs.getInt("total"), rs.getInt("synced")})
                .one();
        QueueStats queue = queue(h);
        long avg = h.createQuery("SELECT COALESCE(AVG(duration_ms), 0) FROM sync_history"
                        + " WHERE kind IN ('initial', 'incremental') AND client_id2 IS NOT NULL")
                .mapTo(Double.class)
                .one()
                .longValue();
        long[] transfer = TransferSql.totals(h);
        return new SyncTotals(
                members[0],
                members[1],
                queue.pending(),
                queue.failed(),
                avg,
                transfer[0],
                transfer[1],
                calls(h, month));
    }

    private static long calls(Handle h, YearMonth month) {
        return h.createQuery("SELECT requests FROM caspio_usage WHERE month = :month")
                .bind("month", month.toString())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    static void addUsage(Handle h, YearMonth month, long requests, long bytesIn, long bytesOut) {
        h.createUpdate("INSERT INTO caspio_usage (month, requests, bytes_in, bytes_out)"
                        + " VALUES (:month, :requests, :in, :out) ON CONFLICT (month) DO UPDATE SET"
                        + " requests = caspio_usage.requests + excluded.requests,"
                        + " bytes_in = caspio_usage.bytes_in + excluded.bytes_in,"
                        + " bytes_out = caspio_usage.bytes_out + excluded.bytes_out")
                .bind("month", month.toString())
                .bind("requests", requests)
                .bind("in", bytesIn)
                .bind("out", bytesOut)
                .execute();
        TransferSql.add(h, TransferSql.CASPIO, bytesIn + bytesOut);
    }
}
