package io.smartsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage for API keys, users, sessions and the audit log. Every method is one transaction;
 * implementations are safe for use from many threads.
 */
public interface AccessRecords {
    void saveApiKey(ApiKeyRecord key);

    Optional<ApiKeyRecord> apiKeyByHash(String keyHash);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKeyRecord> apiKeys();

    /** Revokes a key that is not revoked yet; answers whether one was. */
    boolean revokeApiKey(String id, Instant at);

    /** Stores a new user; answers false when the user id is taken. */
    boolean createUser(UserRecord user);

    Optional<UserRecord> user(String userId);

    /** Every user, oldest first. */
    List<UserRecord> users();

    /** Disables a user and ends their sessions in one transaction; answers whether the user was enabled. */
    boolean disableUser(String userId, Instant at);

    /**
     * The user's device-key salt: the stored one, or {@code fresh} stored now when the user has none yet
     * (empty when there is no such user).
     */
    Optional<String> offlineSalt(String userId, String fresh);

    void saveSession(SessionRecord session);

    Optional<SessionRecord> session(String tokenHash);

    void touchSession(String tokenHash, Instant at);

    void deleteSession(String tokenHash);

    /** Removes sessions past their expiry; answers how many. */
    int deleteExpiredSessions(Instant now);

    void appendAudit(AuditRecord record);

    List<AuditRecord> audit(AuditQuery query);

    /** Removes audit lines older than {@code before}; answers how many. */
    int purgeAudit(Instant before);

    /** Failed sign-ins, idempotency keys and webhook messages seen. */
    FrontDoorRecords frontDoor();
}
