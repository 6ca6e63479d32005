package io.smartsync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartsync.store.Reports;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the size of every Caspio row a full read brought (its compact JSON, as Caspio's answer carries
 * it), so what a full reload of a member would fetch is summed from the stored rows at each visit.
 * Thread-safe.
 */
final class RowSizes {
    private static final Logger log = LoggerFactory.getLogger(RowSizes.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Reports reports;
    private final String pkField;

    RowSizes(Reports reports, String pkField) {
        this.reports = reports;
        this.pkField = pkField;
    }

    void record(List<Map<String, Object>> rows) {
        Map<Long, Integer> sizes = new HashMap<>();
        try {
            for (Map<String, Object> row : rows) {
                if (row.get(pkField) instanceof Number pk) {
                    sizes.put(pk.longValue(), json.writeValueAsBytes(row).length);
                }
            }
            reports.recordRowBytes(sizes);
        } catch (JsonProcessingException | RuntimeException e) {
            // Only the saved-bytes figure depends on it: the read itself goes on.
            log.warn("could not record the size of {} Caspio rows: {}", rows.size(), e.toString());
        }
    }
}
