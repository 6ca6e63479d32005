package io.smartsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AccessRecords} in the store's database; each call is one transaction. Thread-safe. */
final class JdbcAccessRecords implements AccessRecords {
    private final Tx tx;
    private final FrontDoorRecords frontDoor;

    JdbcAccessRecords(Tx tx) {
        this.tx = tx;
        this.frontDoor = new JdbcFrontDoorRecords(tx);
    }

    @Override
    public FrontDoorRecords frontDoor() {
        return frontDoor;
    }

    @Override
    public void saveApiKey(ApiKeyRecord key) {
        tx.run(h -> {
            AccessSql.insertKey(h, key);
            return null;
        });
    }

    @Override
    public Optional<ApiKeyRecord> apiKeyByHash(String keyHash) {
        return tx.run(h -> AccessSql.keyByHash(h, keyHash));
    }

    @Override
    public List<ApiKeyRecord> apiKeys() {
        return tx.run(AccessSql::keys);
    }

    @Override
    public boolean revokeApiKey(String id, Instant at) {
        return tx.run(h -> AccessSql.revokeKey(h, id, at));
    }

    @Override
    public boolean createUser(UserRecord user) {
        return tx.run(h -> UserSql.insert(h, user));
    }

    @Override
    public Optional<UserRecord> user(String userId) {
        return tx.run(h -> UserSql.find(h, userId));
    }

    @Override
    public List<UserRecord> users() {
        return tx.run(UserSql::all);
    }

    @Override
    public boolean disableUser(String userId, Instant at) {
        return tx.run(h -> {
            SessionSql.deleteForUser(h, userId);
            return UserSql.disable(h, userId, at);
        });
    }

    @Override
    public Optional<String> offlineSalt(String userId, String fresh) {
        return tx.run(h -> UserSql.offlineSalt(h, userId, fresh));
    }

    @Override
    public void saveSession(SessionRecord session) {
        tx.run(h -> {
            SessionSql.insert(h, session);
            return null;
        });
    }

    @Override
    public Optional<SessionRecord> session(String tokenHash) {
        return tx.run(h -> SessionSql.find(h, tokenHash));
    }

    @Override
    public void touchSession(String tokenHash, Instant at) {
        tx.run(h -> {
            SessionSql.touch(h, tokenHash, at);
            return null;
        });
    }

    @Override
    public void deleteSession(String tokenHash) {
        tx.run(h -> {
            SessionSql.delete(h, tokenHash);
            return null;
        });
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return tx.run(h -> SessionSql.deleteExpired(h, now));
    }

    @Override
    public void appendAudit(AuditRecord record) {
        tx.run(h -> {
            AuditSql.insert(h, record);
            return null;
        });
    }

    @Override
    public List<AuditRecord> audit(AuditQuery query) {
        return tx.run(h -> AuditSql.find(h, query));
    }

    @Override
    public int purgeAudit(Instant before) {
        return tx.run(h -> AuditSql.purge(h, before));
    }
}
