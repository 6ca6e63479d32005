package io.smartsync.access;

import io.smartsync.store.FrontDoorRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The ids of webhook messages received, on every instance through the store. Thread-safe. */
public final class WebhookMessages {
    private final FrontDoorRecords records;
    private final Clock clock;

    public WebhookMessages(FrontDoorRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Remembers the id for {@code keep}; answers false when it was received before. */
    public boolean firstTime(String messageId, Duration keep) {
        Instant now = clock.instant();
        return records.rememberWebhookMessage(messageId, now, now.minus(keep));
    }
}
