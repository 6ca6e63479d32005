package io.smartsync.caspio;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to Caspio that did not succeed. {@link #kind()} tells the caller what may be done next; the
 * message carries Caspio's own code, message and request id when it sent them.
 */
public class CaspioException extends RuntimeException {

    /** What a failure means for the caller. */
    public enum Kind {
        /** Not applied; trying again later can succeed (network, 5xx, 429). */
        TRANSIENT,
        /** A write whose request went out but whose answer was lost: it may have been applied. */
        AMBIGUOUS,
        /** Caspio refused the request itself; the same request will fail again. */
        PERMANENT,
        /** The credentials were refused even after a fresh token: a fault of the configuration. */
        AUTH
    }

    private final Kind kind;
    private final int status;
    private final String caspioCode;
    private final String requestId;
    private final Duration retryAfter;

    /** Caspio's answer to a request, as {@link Failures} reads it: its status, code, request id and Retry-After. */
    CaspioException(
            Kind kind,
            String message,
            int status,
            String caspioCode,
            String requestId,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.caspioCode = caspioCode;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** A call that got no answer from Caspio: not sent, cut, interrupted, or refused before sending. */
    public static CaspioException noAnswer(Kind kind, String message, Throwable cause) {
        return new CaspioException(kind, message, 0, null, null, null, cause);
    }

    /**
     * An answer with status {@code status} and no code of Caspio's (a body that is missing or not JSON,
     * or a refusal whose body said nothing more).
     */
    public static CaspioException answered(Kind kind, String message, int status, String requestId, Throwable cause) {
        return new CaspioException(kind, message, status, null, requestId, null, cause);
    }

    /** This failure, to be tried again later for the reason {@code message}; Caspio's details are kept. */
    public CaspioException retryLater(String message) {
        return new CaspioException(Kind.TRANSIENT, message, status, caspioCode, requestId, null, this);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.TRANSIENT || kind == Kind.AMBIGUOUS;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public String caspioCode() {
        return caspioCode;
    }

    public String requestId() {
        return requestId;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
