package io.smartsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the HTTP front door remembers across requests and instances: failed sign-ins, idempotency keys
 * and the webhook messages seen. Every method is one transaction; implementations are thread-safe.
 */
public interface FrontDoorRecords {
    Optional<SignInFailure> signInFailure(String userId, String address);

    /**
     * Counts one more failure of the pair and lets {@code policy} set its block, in one transaction (two
     * failures at once both count). Rows whose last failure is before {@code forgetBefore} go.
     */
    SignInFailure recordSignInFailure(
            String userId, String address, Instant now, Instant forgetBefore, UnaryOperator<SignInFailure> policy);

    /** A success: the pair starts again from nothing. */
    void clearSignInFailures(String userId, String address);

    /** Pairs blocked at {@code now}, lockouts first, newest first. */
    List<SignInFailure> blockedSignIns(Instant now, int limit);

    /** Lifts the blocks of a user id, from one address or (null) from all; answers how many. */
    int unlockSignIns(String userId, String address);

    /**
     * Stores {@code fresh} unless the caller used its key before; answers the record that holds the key.
     * Keys created before {@code forgetBefore} go first.
     */
    IdempotencyRecord reserveIdempotencyKey(IdempotencyRecord fresh, Instant forgetBefore);

    /**
     * Keeps the first answer given under the key (a later one, from a repeat that ran at the same time,
     * is not kept); answers the record as it now is.
     */
    IdempotencyRecord answerIdempotencyKey(String actor, String key, int status, String answer);

    /** Forgets a key whose request failed, so a retry runs again. */
    void releaseIdempotencyKey(String actor, String key);

    /**
     * Remembers a webhook message id; answers false when it was seen already. Ids received before
     * {@code forgetBefore} go first.
     */
    boolean rememberWebhookMessage(String messageId, Instant now, Instant forgetBefore);
}
