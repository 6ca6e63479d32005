package io.smartsync.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with {@code ?} placeholders and the values to bind to them, in order; a value may be null. */
record SqlFragment(String sql, List<Object> params) {

    SqlFragment {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    static SqlFragment pkEquals(long pkId) {
        return new SqlFragment('"' + TableDef.PK + "\" = ?", List.of(pkId));
    }
}
