package io.smartsync.store;

import java.util.List;
import java.util.Optional;

/** Storage for API keys and the audit log. Implementations are safe for use from many threads. */
public interface AccessRecords {
    void saveApiKey(ApiKeyRecord key);

    Optional<ApiKeyRecord> apiKeyByHash(String keyHash);

    void appendAudit(AuditRecord record);

    /** The newest audit lines first. */
    List<AuditRecord> recentAudit(int limit);
}
