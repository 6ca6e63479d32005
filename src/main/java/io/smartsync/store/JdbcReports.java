package io.smartsync.store;

import java.time.YearMonth;

/** {@link Reports} in the store's database; each call is one transaction. Thread-safe. */
final class JdbcReports implements Reports {
    private final Tx tx;
    private final Tx relaxed;

    /** @param relaxed a transaction that commits without waiting for the disk ({@link Database#relaxedTx}) */
    JdbcReports(Tx tx, Tx relaxed) {
        this.tx = tx;
        this.relaxed = relaxed;
    }

    @Override
    public QueueStats queue() {
        return tx.run(ReportSql::queue);
    }

    @Override
    public SyncTotals syncTotals(YearMonth month) {
        return tx.run(h -> ReportSql.totals(h, month));
    }

    @Override
    public void addCaspioUsage(YearMonth month, long requests, long bytesIn, long bytesOut) {
        tx.run(h -> {
            ReportSql.addUsage(h, month, requests, bytesIn, bytesOut);
            return null;
        });
    }

    @Override
    public void recordRowBytes(java.util.Map<Long, Integer> bytesByPk) {
        // Only the saved-bytes figure reads these sizes: a power cut may lose the last ones (a crash of the
        // service not), and the next read of the row records it again. Every push records its row here,
        // so an fsync of its own would cost each push one more wait on the disk, under the store's one
        // writer (issue 19's backlog drain).
        relaxed.run(h -> {
            TransferSql.recordRowBytes(h, bytesByPk);
            return null;
        });
    }

    @Override
    public boolean reachable() {
        return tx.run(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }
}
