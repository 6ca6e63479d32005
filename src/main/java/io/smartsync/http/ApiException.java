package io.smartsync.http;

/** An answer other than success, with the HTTP status and a stable code for programs. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The request cannot be read: bad JSON, an unknown field, a malformed or missing parameter. */
    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** The request reads well but a value breaks a rule: too long, not an accepted status, no such date. */
    static ApiException invalid(String message) {
        return new ApiException(422, "invalid", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
