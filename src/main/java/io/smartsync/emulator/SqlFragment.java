package io.smartsync.emulator;

import java.util.List;

/** SQL text with {@code ?} placeholders and the values to bind to them, in order. */
record SqlFragment(String sql, List<Object> params) {

    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment pkEquals(long pkId) {
        return new SqlFragment('"' + TableDef.PK + "\" = ?", List.of(pkId));
    }
}
