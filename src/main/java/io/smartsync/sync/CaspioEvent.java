package io.smartsync.sync;

import java.util.List;
import java.util.Map;

/**
 * One message of Caspio's outgoing webhooks, already checked by its secret.
 *
 * @param eventType {@code table.recordInsert}, {@code table.recordUpdate} or {@code table.recordDelete}
 * @param objectName the table the rows belong to
 * @param data the rows, each with at least {@code PK_ID}
 */
public record CaspioEvent(String eventType, String objectName, List<Map<String, Object>> data) {
    public CaspioEvent {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
