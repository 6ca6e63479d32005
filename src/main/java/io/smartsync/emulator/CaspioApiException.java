package io.smartsync.emulator;

/**
 * A request the emulator refuses, carrying the status and Caspio error code to answer with. The
 * message goes to the client, so it names the parameter and position at fault but never echoes
 * stored data.
 */
final class CaspioApiException extends RuntimeException {

    private final int status;
    private final String code;

    CaspioApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static CaspioApiException badQuery(String message) {
        return new CaspioApiException(400, CaspioRules.CODE_BAD_QUERY, message);
    }

    static CaspioApiException badBody(String message) {
        return new CaspioApiException(400, CaspioRules.CODE_BAD_BODY, message);
    }

    static CaspioApiException notFound(String message) {
        return new CaspioApiException(404, CaspioRules.CODE_NOT_FOUND, message);
    }

    static CaspioApiException unauthorized(String code, String message) {
        return new CaspioApiException(401, code, message);
    }
}
