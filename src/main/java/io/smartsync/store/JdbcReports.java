package io.smartsync.store;

import java.time.YearMonth;

/** {@link Reports} in the store's database; each call is one transaction. Thread-safe. */
final class JdbcReports implements Reports {
    private final Tx tx;

    JdbcReports(Tx tx) {
        this.tx = tx;
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
        tx.run(h -> {
            TransferSql.recordRowBytes(h, bytesByPk);
            return null;
        });
    }

    @Override
    public boolean reachable() {
        return tx.run(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }
}
