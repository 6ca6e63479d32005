package io.smartsync.store;

import io.smartsync.note.MemberId;
import java.time.Duration;

/** Another instance is running the member's initial sync and did not finish within the wait. */
public class MemberBusyException extends StoreException {
    public MemberBusyException(MemberId member, Duration waited, Throwable cause) {
        super(
                "member " + member.value() + ": another instance is running its initial sync (waited "
                        + waited.toMillis() + " ms)",
                cause);
    }
}
