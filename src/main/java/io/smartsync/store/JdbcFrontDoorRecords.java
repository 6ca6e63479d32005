package io.smartsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link FrontDoorRecords} in the store's database; each call is one transaction. Thread-safe. */
final class JdbcFrontDoorRecords implements FrontDoorRecords {
    private final Tx tx;

    JdbcFrontDoorRecords(Tx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<SignInFailure> signInFailure(String userId, String address) {
        return tx.run(h -> FrontDoorSql.failure(h, userId, address));
    }

    @Override
    public SignInFailure recordSignInFailure(
            String userId, String address, Instant now, Instant forgetBefore, UnaryOperator<SignInFailure> policy) {
        return tx.run(h -> {
            FrontDoorSql.forgetFailures(h, forgetBefore);
            FrontDoorSql.countFailure(h, userId, address, now);
            SignInFailure counted = FrontDoorSql.failure(h, userId, address).orElseThrow();
            SignInFailure blocked = policy.apply(counted);
            FrontDoorSql.block(h, blocked);
            return blocked;
        });
    }

    @Override
    public void clearSignInFailures(String userId, String address) {
        tx.run(h -> {
            FrontDoorSql.clear(h, userId, address);
            return null;
        });
    }

    @Override
    public List<SignInFailure> blockedSignIns(Instant now, int limit) {
        return tx.run(h -> FrontDoorSql.blocked(h, now, limit));
    }

    @Override
    public int unlockSignIns(String userId, String address) {
        return tx.run(h -> FrontDoorSql.unlock(h, userId, address));
    }

    @Override
    public IdempotencyRecord reserveIdempotencyKey(IdempotencyRecord fresh, Instant forgetBefore) {
        return tx.run(h -> {
            FrontDoorSql.forgetKeys(h, forgetBefore);
            FrontDoorSql.insertKey(h, fresh);
            return FrontDoorSql.key(h, fresh.actor(), fresh.key());
        });
    }

    @Override
    public IdempotencyRecord answerIdempotencyKey(String actor, String key, int status, String answer) {
        return tx.run(h -> {
            FrontDoorSql.answerKey(h, actor, key, status, answer);
            return FrontDoorSql.key(h, actor, key);
        });
    }

    @Override
    public void releaseIdempotencyKey(String actor, String key) {
        tx.run(h -> {
            FrontDoorSql.deleteKey(h, actor, key);
            return null;
        });
    }

    @Override
    public boolean rememberWebhookMessage(String messageId, Instant now, Instant forgetBefore) {
        return tx.run(h -> {
            FrontDoorSql.forgetMessages(h, forgetBefore);
            return FrontDoorSql.insertMessage(h, messageId, now);
        });
    }
}
