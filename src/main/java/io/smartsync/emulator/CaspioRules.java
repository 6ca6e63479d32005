package io.smartsync.emulator;

import java.time.Duration;

/**
 * The emulator's answer to every Caspio behaviour, in one place. Items marked UNCONFIRMED were not
 * found in a primary source (see CASPIO.md); when the real service turns out to differ, change the
 * choice here and nowhere else.
 */
final class CaspioRules {

    private CaspioRules() {}

    // Confirmed in Caspio's help pages.
    static final int MAX_ROWS_PER_CALL = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int MIN_PAGE_SIZE = 5;
    static final int DEFAULT_PAGE_SIZE = 25;
    static final int STRING_LENGTH = 255;
    static final int TEXT_LENGTH = 64000;

    static final String CODE_BAD_BODY = "IncorrectBodyParameter";
    static final String CODE_BAD_QUERY = "IncorrectQueryParameter";
    static final String CODE_NOT_FOUND = "ObjectNotFound";
    static final String CODE_SQL = "SqlServerError";

    /** UNCONFIRMED: codes for 401s; Caspio documents the status, not the code. */
    static final String CODE_BAD_TOKEN = "InvalidToken";

    static final String CODE_BAD_CLIENT = "InvalidClientCredentials";

    /** UNCONFIRMED: a grant other than client_credentials, including refresh_token, is refused. */
    static final String CODE_BAD_GRANT = "UnsupportedGrantType";

    static final String CODE_URI_TOO_LONG = "RequestUriTooLong";
    static final String CODE_METHOD = "MethodNotAllowed";
    static final String CODE_SERVER = "InternalServerError";

    /**
     * The documented URI limit. UNCONFIRMED: what Caspio answers beyond it; we answer 414 so a client
     * that builds long {@code q.where} lists finds out in tests rather than in production.
     */
    static final int MAX_URI_LENGTH = 2047;

    /** Caspio answers {@code expires_in: 86399} for a 24 h token: the lifetime minus one second. */
    static final Duration EXPIRES_IN_MARGIN = Duration.ofSeconds(1);

    /*
     * Further UNCONFIRMED choices, each implemented where named:
     * - q.limit and q.pageSize above 1000 are lowered to 1000; q.limit < 1, q.pageSize < 5 and
     *   q.pageNumber < 1 are 400 IncorrectQueryParameter (RecordQuery).
     * - Without q.orderBy rows come in PK_ID order (RecordQuery).
     * - Text compares case-insensitively, like SQL Server's default collation (TEXT_COLLATION).
     * - A number literal compared with a text field compares as text; SQL Server would convert the
     *   column and could fail on values such as 'CL001234' (WhereCompiler).
     * - IN (...) is accepted (WhereParser).
     * - An empty string in a unique field counts as no value, so many rows may have '' (Schema).
     * - A PUT stamps OnUpdate timestamps on every row it matches, changed or not (RecordStore).
     * - A PUT with no fields, text longer than the field's length, and a DATE/TIME value with an
     *   offset are 400 IncorrectBodyParameter rather than no-op, truncation or conversion
     *   (RecordBodies, FieldValues).
     * - q.groupBy, q.distinct and q.having are not emulated: a non-empty value is 400 (RecordQuery).
     */

    /** SQLite's NOCASE folds ASCII only; close enough to SQL_Latin1_General_CP1_CI_AS for tests. */
    static final String TEXT_COLLATION = "NOCASE";

    /** Error-message value for the unique violation, worded like SQL Server's own. */
    static String duplicateMessage(String table, String field) {
        return "Cannot insert duplicate key in object '" + table + "': field '" + field + "' must be unique.";
    }
}
