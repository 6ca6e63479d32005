package io.smartsync.note;

import java.util.Locale;

/** What an outbox entry asks Caspio to do; the seed's {@code action}. */
public enum OutboxAction {
    CREATE,
    UPDATE,
    DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
